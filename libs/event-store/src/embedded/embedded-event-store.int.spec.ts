import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SEMANTICS, eventStoreContract } from '../contract/event-store.contract.js';
import { newEvents, uniqueName } from '../contract/fixtures.js';
import { createEmbeddedEventStore } from '../create-event-store.js';
import { createPgPool, sharedPoolDriver } from '../postgres/pg-pool.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { startEmbeddedPostgres } from './start-embedded-postgres.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ledger-embedded-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// One connection serialises everything here; the concurrency guarantees are proven on PostgreSQL.
eventStoreContract('embedded PGlite', {
  create: () => createEmbeddedEventStore(join(dataDir, 'contract')),
  concurrencyRounds: 4,
  semantics: POSTGRES_SEMANTICS,
});

describe('embedded PGlite data folder', () => {
  it('keeps the events across a stop and a start', async () => {
    const folder = join(dataDir, 'restart');
    const streamId = uniqueName('kept');
    const first = await createEmbeddedEventStore(folder);
    const result = await first.appendToStream(streamId, newEvents(3), 'no-stream');
    await first.close();
    const second = await createEmbeddedEventStore(folder);
    try {
      expect((await second.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(await second.headPosition()).toBe(result.position);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe('sharing the embedded engine', () => {
  it('lets a second component use the one connection through sharedPoolDriver', async () => {
    const engine = await startEmbeddedPostgres({ dataDir: join(dataDir, 'shared') });
    const pool = createPgPool(engine.connectionString, engine.poolMax);
    try {
      await PostgresEventStore.migrate(pool);
      const store = new PostgresEventStore(pool, { listen: false });
      const driver = sharedPoolDriver(pool);
      const readModels = new driver.Pool(); // what TypeORM does with its `driver` option
      await readModels.query('CREATE TABLE read_model (id integer PRIMARY KEY)');
      const writeRow = async (id: number) => {
        const client = await readModels.connect();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO read_model VALUES ($1)', [id]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      };
      const appends = Array.from({ length: 20 }, () =>
        store.appendToStream(uniqueName('shared'), newEvents(1), 'no-stream'),
      );
      await Promise.all([...appends, ...Array.from({ length: 20 }, (_, id) => writeRow(id))]);
      await readModels.end(); // the second component shutting down leaves the pool to its owner
      expect((await pool.query('SELECT count(*)::int AS n FROM read_model')).rows[0]).toEqual({ n: 20 });
      expect(await store.headPosition()).toBe(20);
    } finally {
      await pool.end();
      await engine.stop();
    }
  }, 60_000);
});
