import { ORDER_NUMBERS_STREAM, orderNumbersDecider } from '@ledger/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import { orderView } from '../order.view.js';
import { CatalogPrices } from './catalog-prices.js';
import type { PlaceOrderRequest } from './place-order.request.js';

export class PlaceOrderCommand extends Command<ReturnType<typeof orderView>> {
  constructor(
    readonly request: PlaceOrderRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand> {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly customers: CustomerCommands,
    private readonly prices: CatalogPrices,
  ) {}

  async execute({ request, context }: PlaceOrderCommand) {
    const { customerId } = request;
    const metadata = this.loop.metadata(context);
    // Check what can fail first, so a refused order does not use up an order number.
    await this.customers.load(context.principal, customerId);
    const items = await this.prices.price(request.items);
    const numbered = await this.loop.run(
      ORDER_NUMBERS_STREAM,
      orderNumbersDecider,
      {
        type: 'AssignOrderNumber',
        data: { customerId },
        metadata,
      },
      { idempotent: context.idempotent },
    );
    const orderNo = numbered.events[0]!.data.orderNo;
    const placed = await this.customers.execute(context, {
      type: 'PlaceOrder',
      data: { ...request, note: request.note ?? '', orderNo, items },
      metadata,
    });
    const order = placed.state.status === 'registered' ? placed.state.orders.get(orderNo) : undefined;
    if (!order) throw new Error(`order ${orderNo} missing after it was placed`);
    return orderView(customerId, order, placed.position);
  }
}
