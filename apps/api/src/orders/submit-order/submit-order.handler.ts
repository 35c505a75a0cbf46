import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import { OrderCommands } from '../order-commands.js';
import type { OrderView } from '../order.view.js';

export class SubmitOrderCommand extends Command<OrderView> {
  constructor(
    readonly orderNo: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Submits a Temporary order: its returned licenses are reserved from now on. */
@CommandHandler(SubmitOrderCommand)
export class SubmitOrderHandler implements ICommandHandler<SubmitOrderCommand> {
  constructor(private readonly orders: OrderCommands) {}

  execute({ orderNo, context }: SubmitOrderCommand): Promise<OrderView> {
    return this.orders.execute(orderNo, context, (ids, metadata) => ({
      type: 'SubmitOrder',
      data: ids,
      metadata,
    }));
  }
}
