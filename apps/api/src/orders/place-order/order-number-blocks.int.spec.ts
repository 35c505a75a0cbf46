import { randomUUID } from 'node:crypto';
import { type CommandMetadata, ORDER_NUMBERS_STREAM } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../../shared/clock.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import { ORDER_NUMBER_BLOCK_SIZE, OrderNumberBlocks } from './order-number-blocks.js';

const metadata: CommandMetadata = {
  actor: 'alice',
  role: 'reseller-admin',
  now: '2026-11-25T10:00:00Z',
  correlationId: 'c',
  causationId: 'c',
};
const assigned = (orderNo: number) => ({
  id: randomUUID(),
  type: 'OrderNumberAssigned',
  data: { orderNo: String(orderNo), customerId: 'C000000150' },
  metadata: { schemaVersion: 1 },
});

describe('OrderNumberBlocks, one per API process (real PostgreSQL)', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const apiProcess = () => new OrderNumberBlocks(new DecisionLoop(store, new SystemClock()));

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url, listen: false });
    // Two orders numbered before blocks.
    await store.appendToStream(ORDER_NUMBERS_STREAM, [assigned(500001), assigned(500002)], 'no-stream');
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('hands out numbers after those given before blocks, never the same one twice, ascending in each process', async () => {
    const [a, b] = [apiProcess(), apiProcess()];
    const perProcess = Math.round(ORDER_NUMBER_BLOCK_SIZE * 1.5);
    const take = (blocks: OrderNumberBlocks) =>
      Promise.all(Array.from({ length: perProcess }, () => blocks.take(metadata)));
    const [fromA, fromB] = (await Promise.all([take(a), take(b)])).map((numbers) => numbers.map(Number));
    const all = [...fromA!, ...fromB!];
    expect(new Set(all).size).toBe(all.length);
    expect(Math.min(...all)).toBe(500003);
    for (const numbers of [fromA!, fromB!]) expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
  });

  it('writes the shared stream once per block, not once per order', async () => {
    const reservations = (await store.readStream(ORDER_NUMBERS_STREAM)).filter(
      (event) => event.type === 'OrderNumbersReserved',
    );
    // 150 numbers in each of two processes: two blocks each.
    expect(reservations).toHaveLength(4);
  });

  it('starts a restarted process on a new block: what was left of the old one is a gap', async () => {
    const before = apiProcess();
    const last = Number(await before.take(metadata));
    const restarted = Number(await apiProcess().take(metadata));
    expect(restarted).toBeGreaterThan(last + 1);
    expect((restarted - 500003) % ORDER_NUMBER_BLOCK_SIZE).toBe(0);
  });
});
