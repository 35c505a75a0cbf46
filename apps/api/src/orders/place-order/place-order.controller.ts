import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiIdempotencyKey, ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ApiZodBody } from '../../http/api-zod-body.js';
import { order } from '../order.response.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { PlaceOrderCommand } from './place-order.handler.js';
import { placeOrderExample, placeOrderRequest, type PlaceOrderRequest } from './place-order.request.js';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class PlaceOrderController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('reseller-admin')
  @ApiOperation({
    operationId: 'placeOrder',
    summary: 'Place a change order (saved Temporary): items +N add licenses, -N return them',
  })
  @ApiZodBody(placeOrderRequest, placeOrderExample)
  @ApiIdempotencyKey()
  @ApiResult(201, order, 'The order, Temporary, with its new number')
  @ApiProblems(400, 401, 403, 404, 409, 503)
  place(
    @Body(new ZodPipe(placeOrderRequest)) body: PlaceOrderRequest,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof order>> {
    return this.commands.execute(new PlaceOrderCommand(body, context));
  }
}
