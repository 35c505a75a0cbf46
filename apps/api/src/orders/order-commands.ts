import { Injectable } from '@nestjs/common';
import type { CommandMetadata, OrderCommand } from '@ledger/domain';
import { notFound } from '../http/problem.js';
import { OrderLocator } from '../scope/order-locator.js';
import { CustomerCommands } from '../shared/customer-commands.js';
import { DecisionLoop } from '../shared/decision-loop.js';
import type { RequestContext } from '../shared/request-context.js';
import { orderView, type OrderView } from './order.view.js';

type OrderIds = { readonly customerId: string; readonly orderNo: string };

/**
 * Runs a command on an existing order, found by its number. An order outside the caller's scope is
 * answered as an order that does not exist: the same status and words, never its customer's id.
 */
@Injectable()
export class OrderCommands {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly customers: CustomerCommands,
    private readonly locator: OrderLocator,
  ) {}

  async execute(
    orderNo: string,
    context: RequestContext,
    command: (ids: OrderIds, metadata: CommandMetadata) => OrderCommand,
  ): Promise<OrderView> {
    const customerId = await this.locator.customerOf(orderNo);
    const decided = await this.customers.execute(
      context,
      command({ customerId, orderNo }, this.loop.metadata(context)),
      () => notFound('order', orderNo),
    );
    const order = decided.state.status === 'registered' ? decided.state.orders.get(orderNo) : undefined;
    if (!order) throw new Error(`order ${orderNo} missing from ${customerId}`);
    return orderView(customerId, order, decided.position);
  }
}
