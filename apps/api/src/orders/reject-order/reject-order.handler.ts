import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import { OrderCommands } from '../order-commands.js';
import type { OrderView } from '../order.view.js';

export class RejectOrderCommand extends Command<OrderView> {
  constructor(
    readonly orderNo: string,
    readonly reason: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Rejects a Submitted order (the approver) or an Approved one (the reseller admin, instead of final
 * confirm). Who may reject is the domain's rule (REJECTED_BY), decided on the state being decided on.
 */
@CommandHandler(RejectOrderCommand)
export class RejectOrderHandler implements ICommandHandler<RejectOrderCommand> {
  constructor(private readonly orders: OrderCommands) {}

  execute({ orderNo, reason, context }: RejectOrderCommand): Promise<OrderView> {
    return this.orders.execute(orderNo, context, (ids, metadata) => ({
      type: 'RejectOrder',
      data: { ...ids, reason },
      metadata,
    }));
  }
}
