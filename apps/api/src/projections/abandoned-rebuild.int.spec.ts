import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/open-database.js';
import { ensureCheckpoints, readCheckpoints } from './checkpoints.js';
import { ordersProjection } from './orders.projection.js';
import { PROJECTIONS, shadowSchemaOf } from './projections.js';
import { claimRebuild, RebuildInProgress, rebuildProjection } from './rebuild.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { openReadModels, projectToHead, quietLog } from './testing/read-model-testing.js';

describe('a rebuild whose process died', () => {
  let testDb: TestDatabase;
  let store: PostgresEventStore;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: testDb.url });
    database = await openReadModels(testDb.url);
    await appendHistory(store, generateHistory({ customers: 3, eventsPerCustomer: 50 }));
    await ensureCheckpoints(database.pool, PROJECTIONS);
  });
  afterAll(async () => {
    await store?.close();
    await database?.close();
    await testDb?.drop();
  });

  it('blocks a second rebuild while it may still be running', async () => {
    await claimRebuild(store, database.pool, ordersProjection);
    await expect(rebuildProjection(store, database.pool, ordersProjection, quietLog)).rejects.toBeInstanceOf(RebuildInProgress);
  });

  it('is released by the next projector start once it has been silent for 30 s, shadow tables and all', async () => {
    const shadow = shadowSchemaOf(ordersProjection);
    await database.pool.query(`CREATE SCHEMA ${shadow}`);
    await database.pool.query("UPDATE read_models.projection_checkpoints SET rebuild_updated_at = now() - interval '1 minute' WHERE name = 'orders'");
    await projectToHead(store, database.pool);
    const [orders] = await readCheckpoints(database.pool, ['orders']);
    expect(orders).toMatchObject({ status: 'live', rebuildPosition: null, position: await store.headPosition() });
    const schemas = await database.pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [shadow]);
    expect(schemas.rowCount).toBe(0);
  });
});
