import type pg from 'pg';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Append-only: a migration, once released, is never edited; a change is a new version. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events and position counter',
    sql: `
      CREATE TABLE event_store.events (
        position    bigint      PRIMARY KEY,          -- also the index for reading by position
        stream_id   text        NOT NULL,
        revision    integer     NOT NULL,
        event_id    uuid        NOT NULL UNIQUE,
        type        text        NOT NULL,
        data        jsonb       NOT NULL,
        metadata    jsonb       NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream_id, revision)                  -- also the index for reading a stream
      );
      -- Projections subscribe by event type.
      CREATE INDEX events_type_position ON event_store.events (type, position);
      -- One row: the last position handed out. Its row lock serialises appends (see README).
      CREATE TABLE event_store.position (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last      bigint  NOT NULL
      );
      INSERT INTO event_store.position (last) VALUES (0);
    `,
  },
];

// Any constant works; it only has to differ from other advisory locks taken in the same database.
const MIGRATION_LOCK_KEY = 7_301_442_001;

const CREATE_MIGRATIONS_TABLE = `
  CREATE SCHEMA IF NOT EXISTS event_store;
  CREATE TABLE IF NOT EXISTS event_store.migrations (
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;
const SELECT_APPLIED = 'SELECT version FROM event_store.migrations';
const INSERT_APPLIED = 'INSERT INTO event_store.migrations (version, name) VALUES ($1, $2)';

/**
 * Brings the schema up to date. Two processes starting at once both get here: the session
 * advisory lock makes the second wait and then find nothing left to do (even CREATE ... IF NOT
 * EXISTS races without it). Each migration commits with its row in the migrations table.
 */
export async function runMigrations(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const applied = new Set(
        (await client.query<{ version: number }>(SELECT_APPLIED)).rows.map((r) => r.version),
      );
      const pending = migrations.filter((m) => !applied.has(m.version));
      for (const migration of pending) {
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(INSERT_APPLIED, [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return pending.map((m) => m.version);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
