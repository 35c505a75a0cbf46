import { lockCheckpoint, saveCheckpoint } from './checkpoints.js';
import type { ProjectedEvent, Projection } from './projection.js';
import { LIVE_SCHEMA } from './projections.js';
import type { Sql } from './row-set.js';

/** Another writer moved the checkpoint (a rebuild swapped its tables in, or a second projector ran): start over from it. */
export class CheckpointMoved extends Error {
  constructor(readonly projection: string) {
    super(`the checkpoint of projection ${projection} moved under this projector`);
  }
}

/**
 * Applies the events after `expected` to one projection's live tables and advances its checkpoint,
 * inside the caller's transaction. The checkpoint is locked first and must still be where this
 * projector left it, so a batch is applied exactly once even with a second projector or a rebuild's
 * swap around. Returns the new checkpoint.
 */
export async function projectBatch(sql: Sql, projection: Projection, events: readonly ProjectedEvent[], expected: number): Promise<number> {
  const fresh = events.filter((event) => event.position > expected);
  const last = fresh.at(-1)?.position;
  if (last === undefined) return expected;
  await sql.query(`SET LOCAL search_path TO ${LIVE_SCHEMA}`);
  if ((await lockCheckpoint(sql, projection.name)) !== expected) throw new CheckpointMoved(projection.name);
  await projection.apply(fresh, sql);
  await saveCheckpoint(sql, projection.name, last);
  return last;
}
