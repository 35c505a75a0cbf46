import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RequestContext } from '../../shared/request-context.js';
import { OrderCommands } from '../order-commands.js';
import type { OrderView } from '../order.view.js';

export class FinalConfirmOrderCommand extends Command<OrderView> {
  constructor(
    readonly orderNo: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Final confirms an Approved order: its items become real. A repeat records nothing. */
@CommandHandler(FinalConfirmOrderCommand)
export class FinalConfirmOrderHandler implements ICommandHandler<FinalConfirmOrderCommand> {
  constructor(private readonly orders: OrderCommands) {}

  execute({ orderNo, context }: FinalConfirmOrderCommand): Promise<OrderView> {
    return this.orders.execute(orderNo, context, (ids, metadata) => ({
      type: 'FinalConfirmOrder',
      data: ids,
      metadata,
    }));
  }
}
