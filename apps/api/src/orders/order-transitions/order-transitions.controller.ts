import { rolesFor } from '@ledger/domain';
import { applyDecorators, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiIdempotencyKey, ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ApiZodBody } from '../../http/api-zod-body.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { ApproveOrderCommand } from '../approve-order/approve-order.handler.js';
import { CancelOrderCommand } from '../cancel-order/cancel-order.handler.js';
import { FinalConfirmOrderCommand } from '../final-confirm-order/final-confirm-order.handler.js';
import { RejectOrderCommand } from '../reject-order/reject-order.handler.js';
import { rejectOrderRequest, type RejectOrderRequest } from '../reject-order/reject-order.request.js';
import { SubmitOrderCommand } from '../submit-order/submit-order.handler.js';
import { emptyRequest } from './empty.request.js';
import { OrderNoParam } from '../../http/params.js';
import { order } from '../order.response.js';

/** A step of an order's life: the order as the step left it, or the rule the step breaks. Its body is JSON (`{}`). */
const ApiTransition = (operationId: string, summary: string) =>
  applyDecorators(
    ApiOperation({ operationId, summary }),
    ApiIdempotencyKey(),
    ApiResult(200, order, 'The order as the step left it'),
    ApiProblems(400, 401, 403, 404, 409, 413, 415, 503),
  );

type OrderBody = Promise<ResponseBody<typeof order>>;

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders/:orderNo')
export class OrderTransitionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('submit')
  @HttpCode(200)
  @Roles(...rolesFor('submit'))
  @ApiTransition('submitOrder', 'Submit a Temporary order; its returned licenses are reserved from now on')
  submit(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(emptyRequest)) _: object,
    @Ctx() context: RequestContext,
  ): OrderBody {
    return this.commands.execute(new SubmitOrderCommand(orderNo, context));
  }

  @Post('approve')
  @HttpCode(200)
  @Roles(...rolesFor('approve'))
  @ApiTransition('approveOrder', 'Approve a Submitted order')
  approve(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(emptyRequest)) _: object,
    @Ctx() context: RequestContext,
  ): OrderBody {
    return this.commands.execute(new ApproveOrderCommand(orderNo, context));
  }

  @Post('reject')
  @HttpCode(200)
  @Roles(...rolesFor('reject'))
  @ApiTransition(
    'rejectOrder',
    'Reject a Submitted order (approver) or an Approved one (reseller admin); reservations are released',
  )
  @ApiZodBody(rejectOrderRequest, { reason: 'Customer withdrew the change' })
  reject(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(rejectOrderRequest)) body: RejectOrderRequest,
    @Ctx() context: RequestContext,
  ): OrderBody {
    return this.commands.execute(new RejectOrderCommand(orderNo, body.reason, context));
  }

  @Post('final-confirm')
  @HttpCode(200)
  @Roles(...rolesFor('final-confirm'))
  @ApiTransition(
    'finalConfirmOrder',
    'Final confirm an Approved order: its items become real; a repeat answers 200 and records nothing',
  )
  finalConfirm(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(emptyRequest)) _: object,
    @Ctx() context: RequestContext,
  ): OrderBody {
    return this.commands.execute(new FinalConfirmOrderCommand(orderNo, context));
  }

  @Post('cancel')
  @HttpCode(200)
  @Roles(...rolesFor('cancel'))
  @ApiTransition('cancelOrder', 'Cancel a Temporary order')
  cancel(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(emptyRequest)) _: object,
    @Ctx() context: RequestContext,
  ): OrderBody {
    return this.commands.execute(new CancelOrderCommand(orderNo, context));
  }
}
