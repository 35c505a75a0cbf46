import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems, ApiZodBody } from '../../http/api-zod-body.js';
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
  @ApiOperation({ summary: 'Place a change order (saved Temporary): items +N add licenses, -N return them' })
  @ApiZodBody(placeOrderRequest, placeOrderExample)
  @ApiProblems(400, 401, 403, 404, 409)
  place(@Body(new ZodPipe(placeOrderRequest)) body: PlaceOrderRequest, @Ctx() context: RequestContext) {
    return this.commands.execute(new PlaceOrderCommand(body, context));
  }
}
