import { isSettled } from '@ledger/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { CustomerIdParam } from '../../http/params.js';
import { customer } from '../customer.response.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class GetCustomerController {
  constructor(private readonly customers: CustomerCommands) {}

  @Get(':customerId')
  @ApiOperation({
    operationId: 'getCustomer',
    summary: 'A customer: reseller, service plan, billing account, sites and counts',
  })
  @ApiResult(200, customer, 'The customer as its stream stands')
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @CustomerIdParam() customerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof customer>> {
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
