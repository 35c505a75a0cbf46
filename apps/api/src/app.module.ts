import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from './auth/auth.guard.js';
import { AddPackageController } from './catalog/add-package/add-package.controller.js';
import { AddPackageHandler } from './catalog/add-package/add-package.handler.js';
import { ListPackagesController } from './catalog/list-packages/list-packages.controller.js';
import { ConfigModule, type LedgerSettings } from './config/config.module.js';
import { GetCustomerController } from './customers/get-customer/get-customer.controller.js';
import { GetInventoryController } from './customers/get-inventory/get-inventory.controller.js';
import { RegisterCustomerController } from './customers/register-customer/register-customer.controller.js';
import { RegisterCustomerHandler } from './customers/register-customer/register-customer.handler.js';
import { HealthController } from './health/health.controller.js';
import { DemoTokensController } from './demo/demo-tokens.controller.js';
import { ProblemFilter } from './http/problem.filter.js';
import { RateLimitGuard, rateLimitOptions } from './http/rate-limit.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { AuditTrailController } from './queries/audit-trail/audit-trail.controller.js';
import { GetTimelineController } from './queries/customer-timeline/get-timeline.controller.js';
import { CustomerAsOfController } from './queries/customer-as-of/customer-as-of.controller.js';
import { AsOfCheckpoints } from './queries/customer-as-of/as-of-checkpoints.js';
import { ListUsersController } from './queries/customer-users/list-users.controller.js';
import { FleetSummaryController } from './queries/fleet-summary/fleet-summary.controller.js';
import { ListOrdersController } from './queries/list-orders/list-orders.controller.js';
import { ReadScope } from './queries/read-scope.js';
import { ReadYourWrites } from './queries/read-your-writes.js';
import { GetPackageHistoryController } from './queries/user-package-history/get-package-history.controller.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProjectionMetrics } from './metrics/projection-metrics.js';
import { IdempotencyJanitor } from './idempotency/idempotency-janitor.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency/idempotency.store.js';
import type { Database } from './store/open-database.js';
import { DATABASE } from './store/store.tokens.js';
import { GetOrderController } from './orders/get-order/get-order.controller.js';
import { OrderTransitionsController } from './orders/order-transitions/order-transitions.controller.js';
import { ApproveOrderHandler } from './orders/approve-order/approve-order.handler.js';
import { CancelOrderHandler } from './orders/cancel-order/cancel-order.handler.js';
import { FinalConfirmOrderHandler } from './orders/final-confirm-order/final-confirm-order.handler.js';
import { OrderCommands } from './orders/order-commands.js';
import { RejectOrderHandler } from './orders/reject-order/reject-order.handler.js';
import { SubmitOrderHandler } from './orders/submit-order/submit-order.handler.js';
import { CatalogPrices } from './orders/place-order/catalog-prices.js';
import { OrderNumberBlocks } from './orders/place-order/order-number-blocks.js';
import { PackageCatalog } from './catalog/package-catalog.js';
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
import { ImportInvoiceController } from './invoices/import-invoice/import-invoice.controller.js';
import { ImportInvoiceHandler } from './invoices/import-invoice/import-invoice.handler.js';
import { CustomerReconciliationController } from './queries/reconciliation/customer-reconciliation.controller.js';
import { ResellerReconciliationController } from './queries/reconciliation/reseller-reconciliation.controller.js';
import { WasteFlagsController } from './queries/waste-flags/waste-flags.controller.js';
import { AddUserController } from './users/add-user/add-user.controller.js';
import { ChangePackageController } from './users/change-package/change-package.controller.js';
import { RemoveUserController } from './users/remove-user/remove-user.controller.js';
import { AddUserHandler } from './users/add-user/add-user.handler.js';
import { ChangePackageHandler } from './users/change-package/change-package.handler.js';
import { RemoveUserHandler } from './users/remove-user/remove-user.handler.js';

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
    ListUsersController,
    GetPackageHistoryController,
    ListOrdersController,
    FleetSummaryController,
    GetTimelineController,
    AuditTrailController,
    CustomerAsOfController,
    ImportInvoiceController,
    CustomerReconciliationController,
    ResellerReconciliationController,
    WasteFlagsController,
    HealthController,
  ],
  handlers: [
    AddPackageHandler,
    RegisterResellerHandler,
    RegisterCustomerHandler,
    PlaceOrderHandler,
    ReplaceOrderItemsHandler,
    SubmitOrderHandler,
    ApproveOrderHandler,
    RejectOrderHandler,
    FinalConfirmOrderHandler,
    CancelOrderHandler,
    AddUserHandler,
    ChangePackageHandler,
    RemoveUserHandler,
    ImportInvoiceHandler,
  ],
};

export interface AppOverrides {
  readonly clock?: Clock;
  /** How long an unanswered Idempotency-Key stays "in progress" before a retry may take it over. */
  readonly idempotencyTakeoverSeconds?: number;
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
        ThrottlerModule.forRoot(rateLimitOptions(settings.app.rateLimits)),
        ProjectionsModule.forRoot(settings.projector),
        MetricsModule,
      ],
      controllers: [...slices.controllers, ...(settings.app.secretSource === 'data-folder' ? [DemoTokensController] : [])],
      providers: [
        ...slices.handlers,
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        DecisionLoop,
        CustomerCommands,
        OrderCommands,
        ReadScope,
        ReadYourWrites,
        AsOfCheckpoints,
        CustomerScope,
        OrderLocator,
        ResellerDirectory,
        PackageCatalog,
        CatalogPrices,
        OrderNumberBlocks,
        {
          provide: IdempotencyStore,
          inject: [DATABASE],
          useFactory: async (database: Database) => {
            const store = new IdempotencyStore(database.pool, overrides.idempotencyTakeoverSeconds);
            await store.migrate();
            return store;
          },
        },
        IdempotencyJanitor,
        ProjectionMetrics,
        // First of the guards: a flood is refused before any token is verified.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
