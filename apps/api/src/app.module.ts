import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AuthGuard } from './auth/auth.guard.js';
import { AddPackageController } from './catalog/add-package/add-package.controller.js';
import { AddPackageHandler } from './catalog/add-package/add-package.handler.js';
import { ListPackagesController } from './catalog/list-packages/list-packages.controller.js';
import { ConfigModule, LedgerSettings } from './config/config.module.js';
import { GetCustomerController } from './customers/get-customer/get-customer.controller.js';
import { GetInventoryController } from './customers/get-inventory/get-inventory.controller.js';
import { RegisterCustomerController } from './customers/register-customer/register-customer.controller.js';
import { RegisterCustomerHandler } from './customers/register-customer/register-customer.handler.js';
import { HealthController } from './health/health.controller.js';
import { ProblemFilter } from './http/problem.filter.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { IdempotencyJanitor } from './idempotency/idempotency-janitor.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { GetOrderController } from './orders/get-order/get-order.controller.js';
import { OrderTransitionsController } from './orders/order-transitions/order-transitions.controller.js';
import { TransitionOrderHandler } from './orders/order-transitions/transition-order.handler.js';
import { CatalogPrices } from './orders/place-order/catalog-prices.js';
import { PlaceOrderController } from './orders/place-order/place-order.controller.js';
import { PlaceOrderHandler } from './orders/place-order/place-order.handler.js';
import { ReplaceOrderItemsController } from './orders/replace-order-items/replace-order-items.controller.js';
import { ReplaceOrderItemsHandler } from './orders/replace-order-items/replace-order-items.handler.js';
import { RegisterResellerController } from './resellers/register-reseller/register-reseller.controller.js';
import { RegisterResellerHandler } from './resellers/register-reseller/register-reseller.handler.js';
import { CustomerScope } from './scope/customer-scope.js';
import { OrderLocator } from './scope/order-locator.js';
import { ResellerDirectory } from './scope/reseller-directory.js';
import { Clock, SystemClock } from './shared/clock.js';
import { CustomerCommands } from './shared/customer-commands.js';
import { DecisionLoop } from './shared/decision-loop.js';
import { StoreModule } from './store/store.module.js';
import { AddUserController } from './users/add-user/add-user.controller.js';
import { ChangePackageController } from './users/change-package/change-package.controller.js';
import { RemoveUserController } from './users/remove-user/remove-user.controller.js';
import { UserCommandHandler } from './users/user-command.js';

const slices = {
  controllers: [
    AddPackageController,
    ListPackagesController,
    RegisterResellerController,
    RegisterCustomerController,
    GetCustomerController,
    GetInventoryController,
    PlaceOrderController,
    ReplaceOrderItemsController,
    OrderTransitionsController,
    GetOrderController,
    AddUserController,
    ChangePackageController,
    RemoveUserController,
    HealthController,
  ],
  handlers: [
    AddPackageHandler,
    RegisterResellerHandler,
    RegisterCustomerHandler,
    PlaceOrderHandler,
    ReplaceOrderItemsHandler,
    TransitionOrderHandler,
    UserCommandHandler,
  ],
};

export interface AppOverrides {
  readonly clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(settings: LedgerSettings, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(settings),
        StoreModule,
        CqrsModule.forRoot(),
        TerminusModule,
        ProjectionsModule.forRoot(settings.projector),
      ],
      controllers: slices.controllers,
      providers: [
        ...slices.handlers,
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        DecisionLoop,
        CustomerCommands,
        CustomerScope,
        OrderLocator,
        ResellerDirectory,
        CatalogPrices,
        IdempotencyJanitor,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
