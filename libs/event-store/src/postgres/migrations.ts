import type pg from 'pg';
import { grantAppRole } from './app-role.js';

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
  {
    version: 2,
    name: 'events are append-only',
    sql: `
      -- Recorded history is never changed, not even by the owner: a mistake is corrected by a new
      -- event. Statement-level, so even an UPDATE or DELETE that matches no row is refused.
      CREATE FUNCTION event_store.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_store.events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new event instead.';
      END
      $$;
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.events
        FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_event_change();
      REVOKE UPDATE, DELETE, TRUNCATE ON event_store.events FROM PUBLIC;
    `,
  },
  {
    version: 3,
    name: 'group commit: a batch of appends in one function call',
    sql: `
      -- Appends that arrive while a batch commits form the next batch (group-commit.ts): one call,
      -- one counter-row lock, one commit. Each append is still checked on its own, in order, against
      -- what the appends before it in the batch wrote, and gets its own result: the recorded events
      -- of a retry, the stream's revision when the expected one is wrong, or its new position.
      CREATE FUNCTION event_store.append_batch(appends jsonb) RETURNS jsonb
      LANGUAGE plpgsql
      -- A writer stuck behind a lock for this long gets an error it can retry, not an endless wait.
      SET lock_timeout = '10s'
      -- Every lookup here has a unique index. A function's plans are made once per connection, and a
      -- plan made while the table was small scans every event for good: measured, appends slowed from
      -- 2,700 to 400 per second over 20,000 events. Without sequential scans the plans stay index lookups.
      SET enable_seqscan = off
      -- Short statements: compiling one (JIT) costs more than running it.
      SET jit = off
      AS $fn$
      DECLARE
        append   jsonb;
        results  jsonb[] := '{}';
        head     bigint;
        current  integer;
        n        integer;
        expected text;
        recorded jsonb;
      BEGIN
        -- Taken first: the checks see every append committed before, and positions are handed out in
        -- commit order (README "Ordering").
        SELECT last INTO head FROM event_store.position WHERE singleton FOR UPDATE;
        FOR append IN SELECT value FROM jsonb_array_elements(appends) LOOP
          n := jsonb_array_length(append->'events');
          -- Ids first, then the unique index: a plain join lets the planner hash-join a scan of every event.
          SELECT coalesce(jsonb_agg(jsonb_build_object(
                   'streamId', e.stream_id, 'revision', e.revision, 'position', e.position,
                   'sameContent', e.type = ev.event->>'type' AND e.data = ev.event->'data')), '[]'::jsonb)
            INTO recorded
            FROM (SELECT * FROM event_store.events
                   WHERE event_id = ANY (ARRAY(SELECT (value->>'id')::uuid FROM jsonb_array_elements(append->'events')))) e
            JOIN jsonb_array_elements(append->'events') AS ev(event) ON e.event_id = (ev.event->>'id')::uuid;
          IF jsonb_array_length(recorded) > 0 THEN
            results := results || jsonb_build_object('recorded', recorded);
            CONTINUE;
          END IF;
          SELECT coalesce(max(revision), -1) INTO current FROM event_store.events WHERE stream_id = append->>'streamId';
          expected := append->>'expected';
          IF NOT (expected = 'any' OR (expected = 'no-stream' AND current < 0)
                  OR (expected = 'stream-exists' AND current >= 0) OR expected = current::text) THEN
            results := results || jsonb_build_object('current', current);
            CONTINUE;
          END IF;
          INSERT INTO event_store.events (position, stream_id, revision, event_id, type, data, metadata)
            SELECT head + e.ordinality, append->>'streamId', current + e.ordinality,
                   (e.event->>'id')::uuid, e.event->>'type', e.event->'data', e.event->'metadata'
              FROM jsonb_array_elements(append->'events') WITH ORDINALITY AS e(event, ordinality);
          head := head + n;
          results := results || jsonb_build_object('position', head, 'nextRevision', current + n);
        END LOOP;
        UPDATE event_store.position SET last = head WHERE singleton;
        PERFORM pg_notify('event_store_appended', head::text);
        RETURN to_jsonb(results);
      END
      $fn$;
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
const MIGRATIONS_TABLE_EXISTS = "SELECT to_regclass('event_store.migrations') IS NOT NULL AS ready";
const SELECT_APPLIED = 'SELECT version FROM event_store.migrations';
const INSERT_APPLIED = 'INSERT INTO event_store.migrations (version, name) VALUES ($1, $2)';

export interface MigrateOptions {
  /** A role to give exactly what appending and reading need (EVENT_STORE_APP_ROLE); see app-role.ts. */
  readonly appRole?: string | undefined;
}

/**
 * Brings the schema up to date. Two processes starting at once both get here: the session
 * advisory lock makes the second wait and then find nothing left to do (even CREATE ... IF NOT
 * EXISTS races without it). Each migration commits with its row in the migrations table.
 */
export async function runMigrations(pool: pg.Pool, options: MigrateOptions = {}): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const pending = await pendingMigrations(client);
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
      // Under the lock too: two GRANTs on one table at once fail with "tuple concurrently updated".
      if (options.appRole !== undefined) await grantAppRole(client, options.appRole);
      return pending.map((m) => m.version);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Creates nothing on an up-to-date schema, so a role without CREATE (the app role) can start. */
async function pendingMigrations(client: pg.PoolClient): Promise<Migration[]> {
  const { rows } = await client.query<{ ready: boolean }>(MIGRATIONS_TABLE_EXISTS);
  if (!rows[0]?.ready) await client.query(CREATE_MIGRATIONS_TABLE);
  const applied = new Set(
    (await client.query<{ version: number }>(SELECT_APPLIED)).rows.map((r) => r.version),
  );
  return migrations.filter((m) => !applied.has(m.version));
}
