import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/open-database.js';
import { lowestPosition } from './checkpoints.js';
import { Projector } from './projector.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { names, openReadModels, projectToHead, quietLog, snapshot, waitUntil } from './testing/read-model-testing.js';

describe('two projectors on the same read models (the API and a projector process, misconfigured)', () => {
  let source: TestDatabase;
  let clean: TestDatabase;
  let store: PostgresEventStore;
  let shared: Database;
  let fresh: Database;

  beforeAll(async () => {
    source = await createTestDatabase();
    clean = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: source.url });
    shared = await openReadModels(source.url);
    fresh = await openReadModels(clean.url);
  });
  afterAll(async () => {
    await store?.close();
    await shared?.close();
    await fresh?.close();
    await source?.drop();
    await clean?.drop();
  });

  it('never apply a batch twice, while events keep arriving', async () => {
    const projectors = [200, 333].map((batchSize) => new Projector(store, shared.pool, quietLog, { batchSize }));
    await Promise.all(projectors.map((p) => p.start()));
    try {
      await appendHistory(store, generateHistory({ customers: 20, eventsPerCustomer: 150, seed: 5 }), 20);
      const head = await store.headPosition();
      await waitUntil(async () => (await lowestPosition(shared.pool, names)) >= head, 60_000, 'both projectors to catch up');
    } finally {
      await Promise.all(projectors.map((p) => p.stop()));
    }
    await projectToHead(store, fresh.pool);
    const [twice, once] = await Promise.all([snapshot(shared.pool), snapshot(fresh.pool)]);
    for (const table of Object.keys(once)) expect(twice[table], table).toEqual(once[table]);
  });
});
