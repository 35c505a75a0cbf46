import type { EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, SQL_POOL } from '../store/store.tokens.js';
import { startTestApp, type Caller, type TestApp } from '../testing/test-app.js';
import { lowestPosition } from './checkpoints.js';
import { PROJECTIONS } from './projections.js';
import { Projector } from './projector.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { names, quietLog, waitUntil } from './testing/read-model-testing.js';

describe('GET /api/projections with the projector in its own process (PROJECTOR=external)', () => {
  let app: TestApp;
  let auditor: Caller;
  let head = 0;

  beforeAll(async () => {
    app = await startTestApp({ projector: { mode: 'external' } });
    auditor = await app.as('auditor');
    const store = app.app.get<EventStore>(EVENT_STORE);
    await appendHistory(store, generateHistory({ customers: 10, eventsPerCustomer: 200, seed: 3 }));
    head = await store.headPosition();
  });
  afterAll(() => app?.close());

  it('reports every read model as lagging by every event, and how old the oldest one is', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await auditor.get('/api/projections');
    expect(response.status).toBe(200);
    expect(response.body.map((p: { name: string }) => p.name).sort()).toEqual(
      PROJECTIONS.map((p) => p.name).sort(),
    );
    for (const projection of response.body) {
      expect(projection).toMatchObject({ position: 0, lagEvents: head, status: 'live', progress: null });
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
      expect(projection).toMatchObject({ position: head, lagEvents: 0, lagSeconds: 0, status: 'live' });
  });

  it('shows a rebuild as rebuilding, with done, total, rate and ETA, until it swaps in', async () => {
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
      progress: { total: head, done: expect.any(Number), eventsPerSecond: expect.any(Number) },
    });
    expect(seen.at(-1)).toMatchObject({ status: 'live', position: head, lagEvents: 0, progress: null });
    expect((await operator.post('/api/projections/no-such-thing/rebuild')).status).toBe(404);
  });
});
