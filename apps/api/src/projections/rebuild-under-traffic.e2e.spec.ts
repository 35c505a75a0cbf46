import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import type { EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/open-database.js';
import { EVENT_STORE, SQL_POOL } from '../store/store.tokens.js';
import { item, seedVerticalDemo, VERTICAL_DEMO, type Actors } from '../testing/seed-fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { lowestPosition } from './checkpoints.js';
import { PROJECTIONS } from './projections.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { names, openReadModels, projectToHead, snapshot, waitUntil } from './testing/read-model-testing.js';

const C = VERTICAL_DEMO.customerId;

/** Places, submits, approves and confirms orders and adds users over HTTP until told to stop. */
async function commandTraffic(who: Actors, stop: AbortSignal): Promise<number> {
  let commands = 0;
  for (let round = 0; !stop.aborted; round++) {
    const placed = await who.admin.post('/api/orders', {
      customerId: C,
      title: `Traffic ${round}`,
      type: 'Change',
      changeDate: '2023-11-01',
      items: [item('Premium iPECS ONE USER', 1)],
    });
    const orderNo = placed.body.orderNo;
    await who.admin.post(`/api/orders/${orderNo}/submit`);
    await who.approver.post(`/api/orders/${orderNo}/approve`);
    await who.admin.post(`/api/orders/${orderNo}/final-confirm`);
    const extension = 100 + (round % 190);
    await who.manager.post(`/api/customers/${C}/users`, {
      extension,
      name: `Traffic ${extension}`,
      site: 'Vertical Demo',
      portalId: `${extension}@x`,
      email: `t${extension}@x.com`,
      package: 'Premium iPECS ONE USER',
    });
    commands += 5;
  }
  return commands;
}

describe('rebuilding every projection under concurrent command traffic', () => {
  let app: TestApp;
  let who: Actors;
  let clean: TestDatabase;
  let rebuilt: Database;

  beforeAll(async () => {
    app = await startTestApp();
    // The history first: its order numbers start at the first one. It registers RS-Vertical; the seed adds the catalog.
    await appendHistory(
      app.app.get<EventStore>(EVENT_STORE),
      generateHistory({ customers: 40, eventsPerCustomer: 250, seed: 11, catalog: false }),
      100,
    );
    who = await seedVerticalDemo(app, 1, { reseller: false });
    clean = await createTestDatabase();
    rebuilt = await openReadModels(clean.url);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await rebuilt?.close();
    await clean?.drop();
  });

  it('keeps serving queries, reports progress, and ends equal to a fresh projection', async () => {
    const store = app.app.get<EventStore>(EVENT_STORE);
    const pool = app.app.get<Pool>(SQL_POOL);
    await waitUntil(
      async () => (await lowestPosition(pool, names)) >= (await store.headPosition()),
      60_000,
      'the first catch-up',
    );
    const stop = new AbortController();
    const traffic = commandTraffic(who, stop.signal);
    const statuses: string[] = [];
    const progress: unknown[] = [];
    const operator = await app.as('operator');
    for (const { name } of PROJECTIONS)
      expect((await operator.post(`/api/projections/${name}/rebuild`)).status, name).toBe(202);
    expect((await operator.post('/api/projections/orders/rebuild')).status).toBe(409);
    expect((await who.admin.post('/api/projections/orders/rebuild')).status).toBe(403);

    let reads = 0;
    await waitUntil(
      async () => {
        for (const path of [
          `/api/customers/${C}/inventory`,
          `/api/customers/${C}/users`,
          `/api/orders?customerId=${C}`,
          '/api/resellers/RS-Vertical/customers',
        ]) {
          const response = await who.admin.get(path);
          expect(response.status, path).toBe(200);
          reads++;
        }
        const status = await who.admin.get('/api/projections');
        for (const row of status.body) {
          statuses.push(row.status);
          if (row.progress) progress.push(row.progress);
        }
        return status.body.every((row: { status: string }) => row.status === 'live');
      },
      120_000,
      'every rebuild to swap in',
    );
    stop.abort();
    const commands = await traffic;
    expect(commands).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(0);
    expect(statuses).toContain('rebuilding');
    expect(progress).toContainEqual(
      expect.objectContaining({
        done: expect.any(Number),
        total: expect.any(Number),
        eventsPerSecond: expect.any(Number),
      }),
    );

    await waitUntil(
      async () => (await lowestPosition(pool, names)) >= (await store.headPosition()),
      60_000,
      'the live projector to catch up',
    );
    await projectToHead(store, rebuilt.pool);
    const [live, fresh] = await Promise.all([snapshot(pool), snapshot(rebuilt.pool)]);
    for (const table of Object.keys(fresh)) expect(live[table], table).toEqual(fresh[table]);
    const leftovers = await pool.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'read_models_%'");
    expect(leftovers.rows).toEqual([]);
  }, 240_000);
});
