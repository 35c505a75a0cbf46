import { Inject, Injectable } from '@nestjs/common';
import { ORDER_NUMBERS_STREAM, orderNumberRevision } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { notFound } from '../http/problem.js';
import { EVENT_STORE } from '../store/store.tokens.js';

/** Finds the customer whose stream holds an order: one read of the order-numbers stream at a known revision. */
@Injectable()
export class OrderLocator {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async customerOf(orderNo: string): Promise<string> {
    const revision = orderNumberRevision(orderNo);
    if (revision === undefined) throw notFound('order', orderNo);
    const [assigned] = await this.store.readStream(ORDER_NUMBERS_STREAM, { fromRevision: revision, maxCount: 1 });
    const customerId = assigned?.revision === revision ? assigned.data.customerId : undefined;
    if (typeof customerId !== 'string') throw notFound('order', orderNo);
    return customerId;
  }
}
