import type { Pool } from 'pg';
import type { Projection } from './projection.js';
import type { Sql } from './row-set.js';

export interface CheckpointRow {
  readonly name: string;
  readonly position: number;
  readonly updatedAt: Date;
  readonly status: 'live' | 'rebuilding';
  readonly rebuildPosition: number | null;
  readonly rebuildTotal: number | null;
  readonly rebuildStartedAt: Date | null;
  readonly rebuildUpdatedAt: Date | null;
}

const SELECT = `SELECT name, position::float8 AS position, updated_at, status, rebuild_position::float8 AS rebuild_position,
                       rebuild_total::float8 AS rebuild_total, rebuild_started_at, rebuild_updated_at
                  FROM read_models.projection_checkpoints`;

interface Raw {
  name: string;
  position: number;
  updated_at: Date;
  status: 'live' | 'rebuilding';
  rebuild_position: number | null;
  rebuild_total: number | null;
  rebuild_started_at: Date | null;
  rebuild_updated_at: Date | null;
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

/** Locks the checkpoints of a batch's projections (in name order, so two writers never deadlock) and returns their positions. */
export async function lockCheckpoints(sql: Sql, names: readonly string[]): Promise<Map<string, number>> {
  const result = await sql.query<{ name: string; position: number }>(
    'SELECT name, position::float8 AS position FROM read_models.projection_checkpoints WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE',
    [names],
  );
  return new Map(result.rows.map((row) => [row.name, row.position]));
}

export async function saveCheckpoints(sql: Sql, names: readonly string[], position: number): Promise<void> {
  await sql.query('UPDATE read_models.projection_checkpoints SET position = $2, updated_at = now() WHERE name = ANY($1::text[])', [names, position]);
}

/** The lowest checkpoint among `names`: every one of those read models has seen at least that far. */
export async function lowestPosition(pool: Pool, names: readonly string[]): Promise<number> {
  const result = await pool.query<{ position: number | null }>(
    'SELECT min(position)::float8 AS position FROM read_models.projection_checkpoints WHERE name = ANY($1::text[])',
    [names],
  );
  return result.rows[0]?.position ?? 0;
}
