import { type CustomerEvent, ORDER_NUMBERS_STREAM } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendHistory, generateHistory } from '../../projections/testing/ledger-history.js';
import { EVENT_STORE } from '../../store/store.tokens.js';
import { item } from '../../testing/seed-fixtures.js';
import { type Caller, startTestApp, type TestApp } from '../../testing/test-app.js';

const placedOrders = (events: readonly CustomerEvent[]) =>
  events.flatMap((event) => (event.type === 'OrderPlaced' ? [event.data.orderNo] : []));

describe('order numbers from blocks, in a ledger whose first orders were numbered one by one (real PostgreSQL)', () => {
  let app: TestApp;
  let store: EventStore;
  let admin: Caller;
  /** The customer of RS-Vertical in the recorded history, and the orders it placed before blocks. */
  let customerId: string;
  let oldOrders: string[];
  let lastOldNumber: number;

  beforeAll(async () => {
    app = await startTestApp();
    store = app.app.get<EventStore>(EVENT_STORE);
    // Recorded by the ledger before blocks: one OrderNumberAssigned per order on order-numbers.
    const history = generateHistory({ customers: 2, eventsPerCustomer: 60, seed: 5 });
    await appendHistory(store, history);
    const [first] = history.customers;
    [customerId, oldOrders] = [first![0], placedOrders(first![1])];
    lastOldNumber = 500000 + (history.streams.get(ORDER_NUMBERS_STREAM)?.length ?? 0);
    admin = await app.as('reseller-admin', 'RS-Vertical');
  });
  afterAll(() => app?.close());

  const place = () =>
    admin.post('/api/orders', {
      customerId,
      title: 'After blocks',
      type: 'Change',
      changeDate: '2024-03-01',
      items: [item('Basic User With VM', 1)],
    });

  it('finds an order numbered before blocks from its number alone', async () => {
    expect(oldOrders.length).toBeGreaterThan(1);
    for (const orderNo of oldOrders)
      expect((await admin.get(`/api/orders/${orderNo}`)).body).toMatchObject({ orderNo, customerId });
  });

  it('numbers new orders after every number given before blocks, ascending, and finds them', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const placed = await place();
      expect(placed.status).toBe(201);
      numbers.push(Number(placed.body.orderNo));
      expect((await admin.get(`/api/orders/${placed.body.orderNo}`)).body).toMatchObject({
        orderNo: placed.body.orderNo,
        customerId,
        status: 'Temporary',
      });
    }
    expect(numbers[0]).toBeGreaterThan(lastOldNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(3);
  });

  it('answers 404 for a number no order has: one the block holds but no order claimed, or one never given', async () => {
    const claimedLast = Number((await place()).body.orderNo);
    for (const orderNo of [claimedLast + 1, lastOldNumber + 1_000_000]) {
      const response = await admin.get(`/api/orders/${orderNo}`);
      expect(response.status).toBe(404);
      expect(response.body.detail).toBe(`order ${orderNo} does not exist`);
    }
  });

  it("answers a reseller outside the customer's tree as if the order did not exist, old numbers and new", async () => {
    const other = await app.as('reseller-admin', 'RS-Other');
    const newOrder = (await place()).body.orderNo as string;
    for (const orderNo of [oldOrders[0]!, newOrder]) {
      const response = await other.get(`/api/orders/${orderNo}`);
      expect(response.status).toBe(404);
      expect(response.body.detail).toBe(`order ${orderNo} does not exist`);
    }
  });
});
