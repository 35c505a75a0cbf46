import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ApiZodBody } from '../../http/api-zod-body.js';
import { order } from '../order.response.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { placeOrderExample } from '../place-order/place-order.request.js';
import { ReplaceOrderItemsCommand } from './replace-order-items.handler.js';
import { replaceOrderItemsRequest, type ReplaceOrderItemsRequest } from './replace-order-items.request.js';
import { OrderNoParam } from '../../http/params.js';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders/:orderNo/items')
export class ReplaceOrderItemsController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @Roles('reseller-admin')
  @ApiOperation({
    operationId: 'replaceOrderItems',
    summary: "Replace a Temporary order's items (items change only while Temporary)",
  })
  @ApiZodBody(replaceOrderItemsRequest, { items: placeOrderExample.items })
  @ApiResult(200, order, 'The order with its new items')
  @ApiProblems(400, 401, 403, 404, 409, 503)
  replace(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(replaceOrderItemsRequest)) body: ReplaceOrderItemsRequest,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof order>> {
    return this.commands.execute(new ReplaceOrderItemsCommand(orderNo, body, context));
  }
}
