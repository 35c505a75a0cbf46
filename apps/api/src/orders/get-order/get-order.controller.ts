import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { notFound } from '../../http/problem.js';
import { OrderLocator } from '../../scope/order-locator.js';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { orderView } from '../order.view.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { OrderNoParam } from '../../http/params.js';
import { order as orderResponse } from '../order.response.js';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class GetOrderController {
  constructor(
    private readonly orders: OrderLocator,
    private readonly customers: CustomerCommands,
  ) {}

  @Get(':orderNo')
  @ApiOperation({ operationId: 'getOrder', summary: 'An order with its items, status and dates' })
  @ApiResult(200, orderResponse, 'The order as its customer stream stands')
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @OrderNoParam() orderNo: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof orderResponse>> {
    const customerId = await this.orders.customerOf(orderNo);
    // An order of a customer outside the caller's scope is answered as a missing order, not a missing customer.
    const { account, position } = await this.customers.load(principal, customerId, () =>
      notFound('order', orderNo),
    );
    const order = account.orders.get(orderNo);
    if (!order) throw notFound('order', orderNo);
    return orderView(customerId, order, position);
  }
}
