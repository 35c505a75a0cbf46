import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { migrateReadModels } from '../../read-models/migrate-read-models.js';
import { type Database, openDatabase } from '../../store/open-database.js';
import { lowestPosition } from '../checkpoints.js';
import { PROJECTIONS } from '../projections.js';
import { Projector, type ProjectorLog } from '../projector.js';

export const quietLog: ProjectorLog = { log: () => undefined, error: (message) => console.error(message) };

/** A database with the read models' schema, on `url`. */
export async function openReadModels(url: string): Promise<Database> {
  const database = await openDatabase({ kind: 'postgres', url });
  await migrateReadModels(database);
  return database;
}

/** Every read model table's rows as JSON text, sorted: two snapshots are equal iff the tables are. */
export async function snapshot(pool: Pool, schema = 'read_models'): Promise<Record<string, string[]>> {
  const tables = PROJECTIONS.flatMap((p) => p.tables);
  const entries = await Promise.all(
    tables.map(async (table) => {
      const result = await pool.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM ${schema}.${table} t ORDER BY 1`);
      return [table, result.rows.map((row) => row.r)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export const names = PROJECTIONS.map((p) => p.name);

export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Runs a projector from `store` into `pool`'s read models until every checkpoint reaches the head. */
export async function projectToHead(store: EventStore, pool: Pool, timeoutMs = 120_000): Promise<void> {
  const head = await store.headPosition();
  const projector = new Projector(store, pool, quietLog);
  await projector.start();
  try {
    await waitUntil(async () => (await lowestPosition(pool, names)) >= head, timeoutMs, `the read models to reach ${head}`);
  } finally {
    await projector.stop();
  }
}
