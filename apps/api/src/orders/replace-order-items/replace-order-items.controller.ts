import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems, ApiZodBody } from '../../http/api-zod-body.js';
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
  @ApiOperation({ summary: "Replace a Temporary order's items (items change only while Temporary)" })
  @ApiZodBody(replaceOrderItemsRequest, { items: placeOrderExample.items })
  @ApiProblems(400, 401, 403, 404, 409)
  replace(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(replaceOrderItemsRequest)) body: ReplaceOrderItemsRequest,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new ReplaceOrderItemsCommand(orderNo, body, context));
  }
}
