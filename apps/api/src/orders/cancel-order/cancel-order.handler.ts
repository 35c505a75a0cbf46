import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import { OrderCommands } from '../order-commands.js';
import type { OrderView } from '../order.view.js';

export class CancelOrderCommand extends Command<OrderView> {
  constructor(
    readonly orderNo: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Cancels a Temporary order. */
@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> {
  constructor(private readonly orders: OrderCommands) {}

  execute({ orderNo, context }: CancelOrderCommand): Promise<OrderView> {
    return this.orders.execute(orderNo, context, (ids, metadata) => ({
      type: 'CancelOrder',
      data: ids,
      metadata,
    }));
  }
}
