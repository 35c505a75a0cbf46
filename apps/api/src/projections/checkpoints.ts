import type { Pool } from 'pg';
import type { Projection } from './projection.js';
import type { Sql } from './row-set.js';

export interface CheckpointRow {
  readonly name: string;
  readonly position: number;
  readonly updatedAt: Date;
  readonly status: 'live' | 'rebuilding' | 'faulted';
  readonly rebuildPosition: number | null;
  readonly rebuildTotal: number | null;
  readonly rebuildStartedAt: Date | null;
  readonly rebuildUpdatedAt: Date | null;
  /** The event a faulted projection stopped at, and why. */
  readonly fault: { readonly position: number; readonly reason: string } | null;
}

const SELECT = `SELECT name, position::float8 AS position, updated_at, status, rebuild_position::float8 AS rebuild_position,
                       rebuild_total::float8 AS rebuild_total, rebuild_started_at, rebuild_updated_at,
                       fault_position::float8 AS fault_position, fault_reason
                  FROM read_models.projection_checkpoints`;

interface Raw {
  name: string;
  position: number;
  updated_at: Date;
  status: 'live' | 'rebuilding' | 'faulted';
  rebuild_position: number | null;
  rebuild_total: number | null;
  rebuild_started_at: Date | null;
  rebuild_updated_at: Date | null;
  fault_position: number | null;
  fault_reason: string | null;
}

const toRow = (raw: Raw): CheckpointRow => ({
  name: raw.name,
  position: raw.position,
  updatedAt: raw.updated_at,
  status: raw.status,
  rebuildPosition: raw.rebuild_position,
  rebuildTotal: raw.rebuild_total,
  rebuildStartedAt: raw.rebuild_started_at,
  rebuildUpdatedAt: raw.rebuild_updated_at,
  fault: raw.fault_position === null ? null : { position: raw.fault_position, reason: raw.fault_reason ?? '' },
});

/** Adds a checkpoint at 0 for each projection that has none yet. */
export async function ensureCheckpoints(pool: Pool, projections: readonly Projection[]): Promise<void> {
  await pool.query('INSERT INTO read_models.projection_checkpoints (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING', [
    projections.map((p) => p.name),
  ]);
}

export async function readCheckpoints(sql: Pool | Sql, names?: readonly string[]): Promise<CheckpointRow[]> {
  const result = await sql.query<Raw>(`${SELECT} WHERE $1::text[] IS NULL OR name = ANY($1::text[]) ORDER BY name`, [names ?? null]);
  return result.rows.map(toRow);
}

/** Locks a projection's checkpoint for the batch's transaction and returns its position. */
export async function lockCheckpoint(sql: Sql, name: string): Promise<number | undefined> {
  const result = await sql.query<{ position: number }>(
    'SELECT position::float8 AS position FROM read_models.projection_checkpoints WHERE name = $1 FOR UPDATE',
    [name],
  );
  return result.rows[0]?.position;
}

/** Delivered when a checkpoint's transaction commits: reads waiting for `minPosition` look again. */
export const CHECKPOINTS_CHANNEL = 'projection_checkpoints';

export async function saveCheckpoint(sql: Sql, name: string, position: number): Promise<void> {
  await sql.query(
    `WITH saved AS (UPDATE read_models.projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1 RETURNING name)
     SELECT pg_notify('${CHECKPOINTS_CHANNEL}', name) FROM saved`,
    [name, position],
  );
}

/** The projection stops at the event at `position` (its checkpoint stays just before it) until a restart or rebuild. */
export async function markFaulted(pool: Pool, name: string, position: number, reason: string): Promise<void> {
  await pool.query(
    `UPDATE read_models.projection_checkpoints SET status = 'faulted', fault_position = $2, fault_reason = $3, updated_at = now()
      WHERE name = $1 AND status <> 'rebuilding'`,
    [name, position, reason],
  );
}

/** A start tries every faulted projection again: the fix may be in this build. */
export async function clearFaults(pool: Pool, names: readonly string[]): Promise<string[]> {
  const cleared = await pool.query<{ name: string }>(
    `UPDATE read_models.projection_checkpoints SET status = 'live', fault_position = NULL, fault_reason = NULL
      WHERE name = ANY($1::text[]) AND status = 'faulted' RETURNING name`,
    [names],
  );
  return cleared.rows.map((row) => row.name);
}

/** The lowest checkpoint among `names`: every one of those read models has seen at least that far. */
export async function lowestPosition(pool: Pool, names: readonly string[]): Promise<number> {
  const result = await pool.query<{ position: number | null }>(
    'SELECT min(position)::float8 AS position FROM read_models.projection_checkpoints WHERE name = ANY($1::text[])',
    [names],
  );
  return result.rows[0]?.position ?? 0;
}
