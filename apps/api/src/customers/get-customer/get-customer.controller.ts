import { isSettled } from '@ledger/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { CustomerIdParam } from '../../http/params.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class GetCustomerController {
  constructor(private readonly customers: CustomerCommands) {}

  @Get(':customerId')
  @ApiOperation({ summary: 'A customer: reseller, service plan, billing account, sites and counts' })
  async get(@CustomerIdParam() customerId: string, @CurrentPrincipal() principal: Principal) {
    const { account, position } = await this.customers.load(principal, customerId);
    const orders = [...account.orders.values()];
    return {
      customerId: account.customerId,
      name: account.name,
      resellerId: account.resellerId,
      servicePlan: account.servicePlan,
      billingAccount: account.billingAccount,
      sites: account.sites,
      users: account.users.size,
      openOrders: orders.filter((o) => !isSettled(o)).map((o) => o.orderNo),
      position,
    };
  }
}
