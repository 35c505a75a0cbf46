import type { EventStore, EventStoreConfig } from '@ledger/event-store';
import { startEsdbTestServer } from '@ledger/event-store/testing';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, SQL_POOL } from '../store/store.tokens.js';
import { startTestApp, type Caller, type TestApp } from '../testing/test-app.js';
import { lowestPosition } from './checkpoints.js';
import { PROJECTIONS } from './projections.js';
import { Projector } from './projector.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { names, quietLog, waitUntil } from './testing/read-model-testing.js';

/** Where the events go: PostgreSQL counts them by position; EventStoreDB's positions are byte offsets. */
const STORES: { name: string; counts: boolean; open: () => Promise<{ config?: EventStoreConfig; close(): Promise<void> }> }[] = [
  { name: 'PostgreSQL', counts: true, open: async () => ({ close: async () => undefined }) },
  {
    name: 'EventStoreDB (protocol-level test server)',
    counts: false,
    open: async () => {
      const server = await startEsdbTestServer();
      return { config: { kind: 'eventstoredb', eventStoreUrl: server.url }, close: () => server.close() };
    },
  },
];

describe.each(STORES)('GET /api/projections with the projector in its own process (PROJECTOR=external), events on $name', ({ counts, open }) => {
  let app: TestApp;
  let auditor: Caller;
  let closeStore: () => Promise<void> = async () => undefined;
  let head = 0;
  const history = generateHistory({ customers: 10, eventsPerCustomer: 200, seed: 3 });
  /** A number of events where the store counts them, null where it cannot. */
  const events = <T>(count: T): T | null => (counts ? count : null);

  beforeAll(async () => {
    const opened = await open();
    closeStore = () => opened.close();
    app = await startTestApp({ projector: { mode: 'external' }, ...(opened.config && { store: opened.config }) });
    auditor = await app.as('auditor');
    const store = app.app.get<EventStore>(EVENT_STORE);
    await appendHistory(store, history);
    head = await store.headPosition();
  });
  afterAll(async () => {
    await app?.close();
    await closeStore();
  });

  it('reports every read model as lagging by every event (where the store counts them), and how old the oldest one is', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await auditor.get('/api/projections');
    expect(response.status).toBe(200);
    expect(response.body.map((p: { name: string }) => p.name).sort()).toEqual(
      PROJECTIONS.map((p) => p.name).sort(),
    );
    for (const projection of response.body) {
      expect(projection).toMatchObject({ position: 0, lagEvents: events(history.eventCount), status: 'live', progress: null });
      expect(projection.lagSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  it('needs a token', async () => {
    expect((await app.request('GET', '/api/projections')).status).toBe(401);
  });

  it('answers a read asking for a position the read models have not reached with 503 read-model-behind and Retry-After', async () => {
    const behind = await auditor.get(`/api/orders?minPosition=${head}`);
    expect(behind.status).toBe(503);
    expect(behind.body.type).toMatch(/\/read-model-behind$/);
    expect(behind.headers.get('retry-after')).toBe('1');
  }, 15_000);

  it('reports no lag once an external projector has caught up', async () => {
    const pool = app.app.get<Pool>(SQL_POOL);
    const projector = new Projector(app.app.get<EventStore>(EVENT_STORE), pool, quietLog);
    await projector.start();
    try {
      await waitUntil(
        async () => (await lowestPosition(pool, names)) >= head,
        60_000,
        'the external projector',
      );
    } finally {
      await projector.stop();
    }
    const response = await auditor.get('/api/projections');
    for (const projection of response.body)
      expect(projection).toMatchObject({ position: head, lagEvents: events(0), lagSeconds: 0, status: 'live' });
  });

  it('shows a rebuild as rebuilding, with the fraction of the head position reached (and done, total and rate where the store counts events), until it swaps in', async () => {
    const operator = await app.as('operator');
    expect((await operator.post('/api/projections/audit-log/rebuild')).status).toBe(202);
    const seen: { status: string; progress: unknown }[] = [];
    await waitUntil(
      async () => {
        const row = (await auditor.get('/api/projections')).body.find(
          (p: { name: string }) => p.name === 'audit-log',
        );
        seen.push(row);
        return row.status === 'live';
      },
      60_000,
      'the rebuild',
    );
    expect(seen[0]).toMatchObject({
      status: 'rebuilding',
      progress: {
        fraction: expect.any(Number),
        total: events(history.eventCount),
        done: events(expect.any(Number)),
        eventsPerSecond: events(expect.any(Number)),
      },
    });
    expect(seen.at(-1)).toMatchObject({ status: 'live', position: head, lagEvents: events(0), progress: null });
    expect((await operator.post('/api/projections/no-such-thing/rebuild')).status).toBe(404);
  });
});
