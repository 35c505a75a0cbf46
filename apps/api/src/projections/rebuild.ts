import { setTimeout as sleep } from 'node:timers/promises';
import { inTransaction, type EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { inBatches } from './batches.js';
import { describeProgress, progressOf } from './progress.js';
import type { ProjectorLog } from './projector.js';
import { firstUnreadable, toProjectedEvent, type Projection } from './projection.js';
import { LIVE_SCHEMA, shadowSchemaOf } from './projections.js';
import type { Sql } from './row-set.js';

/** A rebuild whose owner stopped reporting for this long (it crashed) may be taken over. */
const STALE_REBUILD = '30 seconds';

export class RebuildInProgress extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection} is already being rebuilt`);
  }
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly progressEveryMs?: number;
  readonly signal?: AbortSignal;
}

const CLAIM = `
  UPDATE read_models.projection_checkpoints
     SET status = 'rebuilding', rebuild_position = 0, rebuild_total = $2, rebuild_started_at = now(), rebuild_updated_at = now()
   WHERE name = $1 AND (status IN ('live', 'faulted') OR rebuild_updated_at < now() - interval '${STALE_REBUILD}')`;

const ADVANCE = `
  UPDATE read_models.projection_checkpoints
     SET rebuild_position = $3, rebuild_total = $4, rebuild_updated_at = now()
   WHERE name = $1 AND status = 'rebuilding' AND rebuild_position = $2`;

// Live again, also after a fault: a rebuild that meets the same event fails, and the projector faults it again.
const LIVE_AGAIN =
  "status = 'live', rebuild_position = NULL, rebuild_total = NULL, rebuild_started_at = NULL, rebuild_updated_at = NULL, fault_position = NULL, fault_reason = NULL";
const RELEASE = `UPDATE read_models.projection_checkpoints SET ${LIVE_AGAIN} WHERE name = $1`;
const SWAPPED = `UPDATE read_models.projection_checkpoints SET ${LIVE_AGAIN}, position = $2, updated_at = now() WHERE name = $1`;

/** Fresh, empty copies of the projection's tables (columns, defaults, generated columns, keys and indexes). */
async function createShadow(pool: Pool, projection: Projection): Promise<string> {
  const shadow = shadowSchemaOf(projection);
  const tables = projection.tables
    .map((t) => `CREATE TABLE ${shadow}.${t} (LIKE ${LIVE_SCHEMA}.${t} INCLUDING ALL);`)
    .join('\n');
  await inTransaction(pool, (sql) =>
    sql.query(`DROP SCHEMA IF EXISTS ${shadow} CASCADE; CREATE SCHEMA ${shadow}; ${tables}`),
  );
  return shadow;
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Takes every live table of the projection at once, or none. A read locks its tables one after
 * another; a swap that held one table while waiting for another could deadlock with it, and the
 * read would fail. With NOWAIT the swap never waits while holding a lock: it lets go and tries again.
 */
async function lockLiveTables(sql: Sql, projection: Projection): Promise<void> {
  if (projection.tables.length === 0) return;
  const tables = projection.tables.map((table) => `${LIVE_SCHEMA}.${table}`).join(', ');
  for (let attempt = 1; ; attempt++) {
    await sql.query('SAVEPOINT lock_live_tables');
    try {
      await sql.query(`LOCK TABLE ${tables} IN ACCESS EXCLUSIVE MODE NOWAIT`);
      await sql.query('RELEASE SAVEPOINT lock_live_tables');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw error;
      await sql.query('ROLLBACK TO SAVEPOINT lock_live_tables');
      await sleep(Math.min(50, attempt) * Math.random());
    }
  }
}

/**
 * Swaps the rebuilt tables in and sets the live checkpoint to where the rebuild got, in one
 * transaction. It takes the checkpoint's row lock first, so it waits for a live batch in flight;
 * the live projector then finds its checkpoint moved and resumes from the rebuild's position.
 */
async function swapIn(sql: Sql, projection: Projection, position: number): Promise<void> {
  const shadow = shadowSchemaOf(projection);
  const retired = `${shadow}_retired`;
  await sql.query('SELECT 1 FROM read_models.projection_checkpoints WHERE name = $1 FOR UPDATE', [
    projection.name,
  ]);
  await lockLiveTables(sql, projection);
  const moves = projection.tables.map(
    (t) =>
      `ALTER TABLE ${LIVE_SCHEMA}.${t} SET SCHEMA ${retired}; ALTER TABLE ${shadow}.${t} SET SCHEMA ${LIVE_SCHEMA};`,
  );
  await sql.query(
    `CREATE SCHEMA ${retired}; ${moves.join('\n')} DROP SCHEMA ${retired} CASCADE; DROP SCHEMA ${shadow} CASCADE;`,
  );
  await sql.query(SWAPPED, [projection.name, position]);
}

/** Ends the rebuilds whose owner stopped reporting (it crashed): marks them live again and drops their shadow tables. */
export async function releaseStaleRebuilds(
  pool: Pool,
  projections: readonly Projection[],
): Promise<string[]> {
  const stale = await pool.query<{ name: string }>(
    `UPDATE read_models.projection_checkpoints SET ${LIVE_AGAIN}
      WHERE status = 'rebuilding' AND rebuild_updated_at < now() - interval '${STALE_REBUILD}' RETURNING name`,
  );
  const names = stale.rows.map((row) => row.name);
  for (const projection of projections.filter((p) => names.includes(p.name))) {
    await pool.query(`DROP SCHEMA IF EXISTS ${shadowSchemaOf(projection)} CASCADE`);
  }
  return names;
}

/** Marks the projection as rebuilding (or fails if another rebuild owns it) and returns the head position to replay up to. */
export async function claimRebuild(store: EventStore, pool: Pool, projection: Projection): Promise<number> {
  const head = await store.headPosition();
  const claimed = await pool.query(CLAIM, [projection.name, head]);
  if (claimed.rowCount === 0) throw new RebuildInProgress(projection.name);
  return head;
}

/**
 * Replays every event from position 0 into shadow tables while the live ones keep serving (and
 * the live projector keeps them current), then swaps the shadow tables in atomically. The
 * projection must be claimed first (claimRebuild).
 */
export async function runRebuild(
  store: EventStore,
  pool: Pool,
  projection: Projection,
  logger: ProjectorLog,
  options: RebuildOptions & { readonly target: number },
): Promise<void> {
  const { batchSize = 500, progressEveryMs = 2000, target } = options;
  const done = new AbortController();
  try {
    const shadow = await createShadow(pool, projection);
    const started = Date.now();
    let reported = started;
    let position = 0;
    let replayed = 0;
    const toReplay = store.countEvents(0, target);
    logger.log(`rebuild of ${projection.name} started: replaying up to position ${target}${toReplay === null ? '' : ` (${toReplay} events)`}`);
    if (target === 0) return await inTransaction(pool, (sql) => swapIn(sql, projection, 0));
    const signal = options.signal ? AbortSignal.any([options.signal, done.signal]) : done.signal;
    for await (const recorded of inBatches(store.subscribeToAll({ after: 0, signal }), batchSize)) {
      const head = await store.headPosition();
      const batch = recorded.map(toProjectedEvent);
      // Skipping it would rebuild a read model that silently differs from the events.
      const unreadable = firstUnreadable(projection, batch);
      if (unreadable) throw new Error(`${projection.name} cannot read the event at position ${unreadable.position}: ${unreadable.unreadable}`);
      const last = batch.at(-1)?.position ?? position;
      const caughtUp = last >= head;
      await inTransaction(pool, async (sql) => {
        await sql.query(`SET LOCAL search_path TO ${shadow}`);
        await projection.apply(batch, sql);
        const advanced = await sql.query(ADVANCE, [projection.name, position, last, head]);
        if (advanced.rowCount !== 1) throw new RebuildInProgress(projection.name);
        if (caughtUp) await swapIn(sql, projection, last);
      });
      position = last;
      replayed += batch.length;
      if (caughtUp) {
        logger.log(
          `rebuild of ${projection.name} done: ${replayed} events in ${Date.now() - started} ms; swapped in`,
        );
        return;
      }
      if (Date.now() - reported >= progressEveryMs) {
        reported = Date.now();
        const progress = progressOf(store, { from: 0, reached: position, target: head }, reported - started);
        logger.log(describeProgress(`rebuild of ${projection.name}`, progress));
      }
    }
    throw new Error(`rebuild of ${projection.name} stopped before it caught up`);
  } catch (error) {
    if (!(error instanceof RebuildInProgress)) {
      await pool.query(RELEASE, [projection.name]);
      await pool.query(`DROP SCHEMA IF EXISTS ${shadowSchemaOf(projection)} CASCADE`);
    }
    throw error;
  } finally {
    done.abort();
  }
}

export async function rebuildProjection(
  store: EventStore,
  pool: Pool,
  projection: Projection,
  logger: ProjectorLog,
  options: RebuildOptions = {},
): Promise<void> {
  const target = await claimRebuild(store, pool, projection);
  await runRebuild(store, pool, projection, logger, { ...options, target });
}
