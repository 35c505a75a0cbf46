import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderCommands } from '../order-commands.js';
import type { OrderView } from '../order.view.js';
import { CatalogPrices } from '../place-order/catalog-prices.js';
import type { RequestContext } from '../../shared/request-context.js';
import type { ReplaceOrderItemsRequest } from './replace-order-items.request.js';

export class ReplaceOrderItemsCommand extends Command<OrderView> {
  constructor(
    readonly orderNo: string,
    readonly request: ReplaceOrderItemsRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(ReplaceOrderItemsCommand)
export class ReplaceOrderItemsHandler implements ICommandHandler<ReplaceOrderItemsCommand> {
  constructor(
    private readonly orders: OrderCommands,
    private readonly prices: CatalogPrices,
  ) {}

  async execute({ orderNo, request, context }: ReplaceOrderItemsCommand): Promise<OrderView> {
    const items = await this.prices.price(request.items);
    return this.orders.execute(orderNo, context, (ids, metadata) => ({
      type: 'ReplaceOrderItems',
      data: { ...ids, items },
      metadata,
    }));
  }
}
