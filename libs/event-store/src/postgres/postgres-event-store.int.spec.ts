import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SEMANTICS, eventStoreContract } from '../contract/event-store.contract.js';
import { follow, newEvents, uniqueName } from '../contract/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { migrations, runMigrations } from './migrations.js';
import { createPgPool } from './pg-pool.js';
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
  semantics: POSTGRES_SEMANTICS,
});

describe('PostgreSQL migrations', () => {
  it('apply once when two processes start at the same time', async () => {
    const fresh = await createTestDatabase();
    const pools = [1, 2].map(() => createPgPool(fresh.url, 1));
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

describe('PostgreSQL live subscriptions across processes', () => {
  // Two stores on one database stand for two processes: the in-process wake cannot help here.
  async function deliveredAcross(reader: PostgresEventStore, writer: PostgresEventStore): Promise<void> {
    const streamId = uniqueName('across');
    const after = await writer.headPosition();
    const events = newEvents(3);
    const received = follow(reader, { after, filter: { streamPrefix: streamId } }, (r) => r.length === 3);
    await writer.appendToStream(streamId, events, 'no-stream');
    expect((await received).map((e) => e.id)).toEqual(events.map((e) => e.id));
  }

  it('wakes a subscriber by NOTIFY (with polling all but off)', async () => {
    const reader = await PostgresEventStore.connect({
      connectionString: database.url,
      pollIntervalMs: 600_000,
    });
    const writer = await PostgresEventStore.connect({ connectionString: database.url });
    try {
      // The LISTEN connection opens when the subscriber first waits; a first round makes sure it is up.
      await deliveredAcross(reader, writer);
      await deliveredAcross(reader, writer);
    } finally {
      await Promise.all([reader.close(), writer.close()]);
    }
  });

  it('still delivers by polling when there is no LISTEN connection', async () => {
    const reader = await PostgresEventStore.connect({
      connectionString: database.url,
      listen: false,
      pollIntervalMs: 50,
    });
    const writer = await PostgresEventStore.connect({ connectionString: database.url, listen: false });
    try {
      await deliveredAcross(reader, writer);
    } finally {
      await Promise.all([reader.close(), writer.close()]);
    }
  });

  it('ends live subscriptions when the store closes', async () => {
    const store = await PostgresEventStore.connect({ connectionString: database.url });
    const after = await store.headPosition();
    const consumed = (async () => {
      for await (const _ of store.subscribeToAll({ after, filter: { streamPrefix: uniqueName('closing') } }))
        break;
    })();
    await store.close();
    await consumed;
  });
});
