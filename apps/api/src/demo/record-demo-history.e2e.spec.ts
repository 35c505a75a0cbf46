import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testSettings } from '../testing/test-app.js';
import type { DemoOptions } from './demo-options.js';
import { type DemoHistory, recordDemoHistory, type DemoTarget } from './record-demo-history.js';
import { SimulatedClock } from './simulated-clock.js';

const OPTIONS: DemoOptions = { customers: 5, months: 6, seed: 3, end: '2026-07-01' };
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

const targetOf = (database: TestDatabase): DemoTarget => ({
  ...testSettings(database.url),
  logLevel: 'silent',
});

interface StoredEvent {
  stream_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

async function eventsOf(database: TestDatabase): Promise<StoredEvent[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (
      await client.query<StoredEvent>(
        'SELECT stream_id, type, data, metadata FROM event_store.events ORDER BY position',
      )
    ).rows;
  } finally {
    await client.end();
  }
}

/**
 * What the seed decides, without what each run draws afresh: event ids (not read here), each
 * request's correlation and causation ids, and the random id of each imported invoice (its stream's
 * name and data), replaced by the invoice's place among the imports.
 */
const decided = (events: readonly StoredEvent[]) => {
  const invoices = new Map<string, number>();
  const invoiceNo = (id: string) => invoices.get(id) ?? invoices.set(id, invoices.size).size - 1;
  return events.map(({ stream_id, type, data, metadata }) => {
    const { correlationId: _c, causationId: _d, ...who } = metadata;
    const invoice = typeof data.invoiceId === 'string' ? { invoiceId: invoiceNo(data.invoiceId) } : {};
    return {
      stream: stream_id.replace(/^invoice-.*/, 'invoice'),
      type,
      data: { ...data, ...invoice },
      metadata: who,
    };
  });
};

describe('the demo history generator (npm run demo)', () => {
  const databases: TestDatabase[] = [];
  let history: DemoHistory | undefined;
  let events: StoredEvent[];
  let app: TestApp;

  beforeAll(async () => {
    databases.push(await createTestDatabase(), await createTestDatabase());
    history = await recordDemoHistory(targetOf(databases[0]!), OPTIONS);
    events = await eventsOf(databases[0]!);
    // The ledger read on the day the history ends, through the API's own queries.
    app = await startTestApp({
      database: databases[0],
      clock: new SimulatedClock(`${OPTIONS.end}T00:00:00Z`),
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await Promise.all(databases.map((database) => database.drop()));
  });

  const read = async (path: string) => {
    const analyst = await app.as('billing-analyst');
    const { status, body } = await analyst.get(
      `${path}${path.includes('?') ? '&' : '?'}minPosition=${events.length}`,
    );
    expect(status, path).toBe(200);
    return body;
  };

  it('records the same facts in the same order for the same seed, into another database', async () => {
    expect(history).toMatchObject({
      customers: 5,
      from: '2026-01-01',
      to: '2026-06-30',
      events: events.length,
    });
    await recordDemoHistory(targetOf(databases[1]!), OPTIONS);
    expect(decided(await eventsOf(databases[1]!))).toEqual(decided(events));
  }, 120_000);

  it('spreads the recorded times over the months, on the simulated clock', () => {
    const months = new Set(events.map((event) => String(event.metadata.occurredAt).slice(0, 7)));
    expect([...months].sort()).toEqual(MONTHS);
    const times = events.map((event) => String(event.metadata.occurredAt));
    expect(times).toEqual([...times].sort());
  });

  it("tells the seed's story: 297 moved from Basic to Premium, and the Basic license returned", async () => {
    const users = await read('/api/customers/C000000150/users');
    expect(users.items).toContainEqual(
      expect.objectContaining({ extension: 297, name: '9240 Demo', package: 'Premium iPECS ONE USER' }),
    );
    const { packages } = await read('/api/customers/C000000150/inventory');
    expect(packages).toContainEqual(
      expect.objectContaining({ package: 'Basic User With VM', held: 7, reserved: 1, available: 1 }),
    );
    const waiting = await read('/api/orders?customerId=C000000150&status=Approved');
    expect(waiting.items).toEqual([
      expect.objectContaining({
        items: [expect.objectContaining({ package: 'Basic User With VM', quantity: -1 })],
      }),
    ]);
  });

  it('leaves orders waiting for approval and for the Final Confirm', async () => {
    for (const status of ['Submitted', 'Approved'])
      expect((await read(`/api/orders?status=${status}`)).items.length, status).toBeGreaterThan(0);
  });

  it("imports the carrier's recent invoices: the last one has mismatches the reconciliation finds, the earlier ones none", async () => {
    const months = history?.invoiceMonths ?? [];
    expect(months).toEqual(['2026-03', '2026-04', '2026-05']);
    const reasons = async (month: string) =>
      (await read(`/api/resellers/RS-Vertical/reconciliation?month=${month}&limit=100`)).items.flatMap(
        (item: { reasons: string[] }) => item.reasons,
      );
    expect(await reasons('2026-04')).toEqual([]);
    expect(await reasons('2026-05')).toEqual(
      expect.arrayContaining(['not-billed', 'price-mismatch', 'quantity-mismatch']),
    );
  });

  it('has waste to flag: an upgrade whose old license was never returned, and idle licenses', async () => {
    const acme = await read('/api/customers/C000000151/waste');
    expect(acme.flags).toContainEqual(
      expect.objectContaining({ kind: 'paid-twice', package: 'Basic User With VM', returnedOn: null }),
    );
    const vertical = await read('/api/customers/C000000150/waste');
    expect(vertical.flags).toContainEqual({
      kind: 'unassigned',
      package: 'Stand Alone VM',
      licenses: 2,
      monthlyAmount: 10,
    });
  });

  it('records nothing into a ledger that has data', async () => {
    expect(await recordDemoHistory(targetOf(databases[0]!), OPTIONS)).toBeUndefined();
    expect(await app.headPosition()).toBe(events.length);
  });
});
