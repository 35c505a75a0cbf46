import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems, ApiZodBody } from '../../http/api-zod-body.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, RequestContext } from '../../shared/request-context.js';
import { Transition, TransitionOrderCommand } from './transition-order.handler.js';
import { emptyRequest, rejectOrderRequest } from './reject-order.request.js';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders/:orderNo')
export class OrderTransitionsController {
  constructor(private readonly commands: CommandBus) {}

  private move(orderNo: string, transition: Transition, context: RequestContext, reason?: string) {
    return this.commands.execute(new TransitionOrderCommand(orderNo, transition, context, reason));
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('reseller-admin')
  @ApiOperation({ summary: 'Submit a Temporary order; its returned licenses are reserved from now on' })
  @ApiProblems(400, 401, 403, 404, 409)
  submit(@Param('orderNo') orderNo: string, @Body(new ZodPipe(emptyRequest)) _: object, @Ctx() context: RequestContext) {
    return this.move(orderNo, 'SubmitOrder', context);
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Approve a Submitted order' })
  @ApiProblems(400, 401, 403, 404, 409)
  approve(@Param('orderNo') orderNo: string, @Body(new ZodPipe(emptyRequest)) _: object, @Ctx() context: RequestContext) {
    return this.move(orderNo, 'ApproveOrder', context);
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('approver', 'reseller-admin')
  @ApiOperation({ summary: 'Reject a Submitted order (approver) or an Approved one (reseller admin); reservations are released' })
  @ApiZodBody(rejectOrderRequest, { reason: 'Customer withdrew the change' })
  @ApiProblems(400, 401, 403, 404, 409)
  reject(
    @Param('orderNo') orderNo: string,
    @Body(new ZodPipe(rejectOrderRequest)) body: { reason: string },
    @Ctx() context: RequestContext,
  ) {
    return this.move(orderNo, 'RejectOrder', context, body.reason);
  }

  @Post('final-confirm')
  @HttpCode(200)
  @Roles('reseller-admin')
  @ApiOperation({
    summary: 'Final confirm an Approved order: its items become real; a repeat answers 200 and records nothing',
  })
  @ApiProblems(400, 401, 403, 404, 409)
  finalConfirm(@Param('orderNo') orderNo: string, @Body(new ZodPipe(emptyRequest)) _: object, @Ctx() context: RequestContext) {
    return this.move(orderNo, 'FinalConfirmOrder', context);
  }

  @Post('cancel')
  @HttpCode(200)
  @Roles('reseller-admin')
  @ApiOperation({ summary: 'Cancel a Temporary order' })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@Param('orderNo') orderNo: string, @Body(new ZodPipe(emptyRequest)) _: object, @Ctx() context: RequestContext) {
    return this.move(orderNo, 'CancelOrder', context);
  }
}
