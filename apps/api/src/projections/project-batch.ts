import { lockCheckpoints, saveCheckpoints } from './checkpoints.js';
import type { ProjectedEvent, Projection } from './projection.js';
import { LIVE_SCHEMA } from './projections.js';
import type { Sql } from './row-set.js';

/** Another writer moved a checkpoint (a rebuild swapped its tables in, or a second projector ran): start over from the stored checkpoints. */
export class CheckpointMoved extends Error {
  constructor(readonly projection: string) {
    super(`the checkpoint of projection ${projection} moved under this projector`);
  }
}

/**
 * Applies one batch to the live read models and advances their checkpoints, inside the caller's
 * transaction. The checkpoints are locked first and must still be where this projector left them,
 * so a batch is applied exactly once even with a second projector or a rebuild's swap around.
 */
export async function projectBatch(
  sql: Sql,
  projections: readonly Projection[],
  events: readonly ProjectedEvent[],
  expected: ReadonlyMap<string, number>,
): Promise<void> {
  const last = events.at(-1)?.position;
  if (last === undefined) return;
  await sql.query(`SET LOCAL search_path TO ${LIVE_SCHEMA}`);
  const names = projections.map((p) => p.name);
  const locked = await lockCheckpoints(sql, names);
  const moved = names.find((name) => locked.get(name) !== expected.get(name));
  if (moved !== undefined) throw new CheckpointMoved(moved);
  const behind = projections.filter((p) => (expected.get(p.name) ?? 0) < last);
  for (const projection of behind) {
    const after = expected.get(projection.name) ?? 0;
    await projection.apply(events.filter((e) => e.position > after), sql);
  }
  await saveCheckpoints(sql, behind.map((p) => p.name), last);
}
