import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import { OrderCommands } from '../order-commands.js';
import type { OrderView } from '../order.view.js';

export class ApproveOrderCommand extends Command<OrderView> {
  constructor(
    readonly orderNo: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Approves a Submitted order (the approver). */
@CommandHandler(ApproveOrderCommand)
export class ApproveOrderHandler implements ICommandHandler<ApproveOrderCommand> {
  constructor(private readonly orders: OrderCommands) {}

  execute({ orderNo, context }: ApproveOrderCommand): Promise<OrderView> {
    return this.orders.execute(orderNo, context, (ids, metadata) => ({
      type: 'ApproveOrder',
      data: ids,
      metadata,
    }));
  }
}
