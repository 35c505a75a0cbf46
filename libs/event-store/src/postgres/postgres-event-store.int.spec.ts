import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { migrations, runMigrations } from './migrations.js';
import { PostgresEventStore } from './postgres-event-store.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

// Real concurrency lives here: a pool of 10 connections, so appends really run in parallel.
eventStoreContract('PostgreSQL', {
  create: () => PostgresEventStore.connect({ connectionString: database.url, poolMax: 10 }),
  concurrencyRounds: 8,
});

describe('PostgreSQL migrations', () => {
  it('apply once when two processes start at the same time', async () => {
    const fresh = await createTestDatabase();
    const pools = [1, 2].map(() => new pg.Pool({ connectionString: fresh.url, max: 1 }));
    try {
      const applied = await Promise.all(pools.map((pool) => runMigrations(pool)));
      expect(applied.flat().sort()).toEqual(migrations.map((m) => m.version));
      const rows = await pools[0]!.query('SELECT version FROM event_store.migrations');
      expect(rows.rowCount).toBe(migrations.length);
      expect(await runMigrations(pools[1]!)).toEqual([]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await fresh.drop();
    }
  });
});
