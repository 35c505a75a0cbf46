import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderLocator } from '../../scope/order-locator.js';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import { orderView } from '../order.view.js';
import { CatalogPrices } from '../place-order/catalog-prices.js';
import type { ReplaceOrderItemsRequest } from './replace-order-items.request.js';

export class ReplaceOrderItemsCommand extends Command<ReturnType<typeof orderView>> {
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
    private readonly loop: DecisionLoop,
    private readonly customers: CustomerCommands,
    private readonly orders: OrderLocator,
    private readonly prices: CatalogPrices,
  ) {}

  async execute({ orderNo, request, context }: ReplaceOrderItemsCommand) {
    const customerId = await this.orders.customerOf(orderNo);
    await this.customers.load(context.principal, customerId);
    const items = await this.prices.price(request.items);
    const decided = await this.customers.execute(context.principal, {
      type: 'ReplaceOrderItems',
      data: { customerId, orderNo, items },
      metadata: this.loop.metadata(context),
    });
    const order = decided.state.status === 'registered' ? decided.state.orders.get(orderNo) : undefined;
    if (!order) throw new Error(`order ${orderNo} missing from ${customerId}`);
    return orderView(customerId, order, decided.position);
  }
}
