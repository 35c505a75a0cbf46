import {
  type CommandMetadata,
  orderNoOfStream,
  orderNumberClaimDecider,
  orderNumberStream,
} from '@ledger/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import { orderView } from '../order.view.js';
import { CatalogPrices } from './catalog-prices.js';
import { OrderNumberBlocks } from './order-number-blocks.js';
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
    private readonly numbers: OrderNumberBlocks,
  ) {}

  async execute({ request, context }: PlaceOrderCommand) {
    const { customerId } = request;
    const metadata = this.loop.metadata(context);
    // Check what can fail first, so a refused order does not use up an order number.
    await this.customers.load(context.principal, customerId);
    const items = await this.prices.price(request.items);
    const orderNo = await this.claimNumber(customerId, context, metadata);
    const placed = await this.customers.execute(context, {
      type: 'PlaceOrder',
      data: { ...request, note: request.note ?? '', orderNo, items },
      metadata,
    });
    const order = placed.state.status === 'registered' ? placed.state.orders.get(orderNo) : undefined;
    if (!order) throw new Error(`order ${orderNo} missing after it was placed`);
    return orderView(customerId, order, placed.position);
  }

  /**
   * Claims a number on its own stream. A retry of a keyed request claims the number an earlier
   * attempt announced (the loop finds that claim if it was recorded), so a crash between the claim
   * and the order never gives the order a second number.
   */
  private async claimNumber(
    customerId: string,
    context: RequestContext,
    metadata: CommandMetadata,
  ): Promise<string> {
    const earlier = context.idempotent?.earlierAppends
      .map((intent) => orderNoOfStream(intent.streamId))
      .find((no) => no !== undefined);
    const orderNo = earlier ?? (await this.numbers.take(metadata));
    await this.loop.run(
      orderNumberStream(orderNo),
      orderNumberClaimDecider,
      { type: 'ClaimOrderNumber', data: { orderNo, customerId }, metadata },
      { idempotent: context.idempotent },
    );
    return orderNo;
  }
}
