import { Inject, Injectable } from '@nestjs/common';
import {
  assignedOrderNumberRevision,
  customerOfOrderNumber,
  isOrderNumber,
  ORDER_NUMBERS_STREAM,
  orderNumberStream,
  readRecorded,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { notFound } from '../http/problem.js';
import { EVENT_STORE } from '../store/store.tokens.js';

/**
 * Finds the customer whose stream holds an order, from the number alone: one read of the number's
 * own stream (its claim), or for a number given before blocks one read of `order-numbers` at a
 * known revision. A number given to no one answers like an order of a customer out of scope.
 */
@Injectable()
export class OrderLocator {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async customerOf(orderNo: string): Promise<string> {
    const customerId = isOrderNumber(orderNo)
      ? ((await this.claimed(orderNo)) ?? (await this.assignedBeforeBlocks(orderNo)))
      : undefined;
    if (customerId === undefined) throw notFound('order', orderNo);
    return customerId;
  }

  private async claimed(orderNo: string): Promise<string | undefined> {
    const [claim] = await this.store.readStream(orderNumberStream(orderNo), { maxCount: 1 });
    return claim && customerOfOrderNumber(orderNo, readRecorded(claim));
  }

  private async assignedBeforeBlocks(orderNo: string): Promise<string | undefined> {
    const revision = assignedOrderNumberRevision(orderNo);
    if (revision === undefined) return undefined;
    const [assigned] = await this.store.readStream(ORDER_NUMBERS_STREAM, {
      fromRevision: revision,
      maxCount: 1,
    });
    return assigned?.revision === revision
      ? customerOfOrderNumber(orderNo, readRecorded(assigned))
      : undefined;
  }
}
