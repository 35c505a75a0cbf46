import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems, ApiZodBody } from '../../http/api-zod-body.js';
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

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders/:orderNo')
export class OrderTransitionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('submit')
  @HttpCode(200)
  @Roles('reseller-admin')
  @ApiOperation({ summary: 'Submit a Temporary order; its returned licenses are reserved from now on' })
  @ApiProblems(400, 401, 403, 404, 409)
  submit(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(emptyRequest)) _: object,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new SubmitOrderCommand(orderNo, context));
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Approve a Submitted order' })
  @ApiProblems(400, 401, 403, 404, 409)
  approve(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(emptyRequest)) _: object,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new ApproveOrderCommand(orderNo, context));
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('approver', 'reseller-admin')
  @ApiOperation({
    summary:
      'Reject a Submitted order (approver) or an Approved one (reseller admin); reservations are released',
  })
  @ApiZodBody(rejectOrderRequest, { reason: 'Customer withdrew the change' })
  @ApiProblems(400, 401, 403, 404, 409)
  reject(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(rejectOrderRequest)) body: RejectOrderRequest,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new RejectOrderCommand(orderNo, body.reason, context));
  }

  @Post('final-confirm')
  @HttpCode(200)
  @Roles('reseller-admin')
  @ApiOperation({
    summary:
      'Final confirm an Approved order: its items become real; a repeat answers 200 and records nothing',
  })
  @ApiProblems(400, 401, 403, 404, 409)
  finalConfirm(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(emptyRequest)) _: object,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new FinalConfirmOrderCommand(orderNo, context));
  }

  @Post('cancel')
  @HttpCode(200)
  @Roles('reseller-admin')
  @ApiOperation({ summary: 'Cancel a Temporary order' })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(
    @OrderNoParam() orderNo: string,
    @Body(new ZodPipe(emptyRequest)) _: object,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new CancelOrderCommand(orderNo, context));
  }
}
