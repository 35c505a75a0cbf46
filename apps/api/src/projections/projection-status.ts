import type { EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { type CheckpointRow, readCheckpoints } from './checkpoints.js';
import { type Progress, progressOf } from './progress.js';

export interface ProjectionStatus {
  readonly name: string;
  readonly position: number;
  /** Events recorded but not yet in this read model; null where positions do not count events (EventStoreDB). */
  readonly lagEvents: number | null;
  /** Age of the oldest event not yet in this read model, from its recorded time (0 when caught up). */
  readonly lagSeconds: number;
  readonly status: 'live' | 'rebuilding' | 'faulted';
  /** The rebuild's progress; null while live. */
  readonly progress: Progress | null;
  /** Where and why a faulted projection stopped; null otherwise. */
  readonly error: string | null;
}

/** A rebuild replays from position 0 towards the head (`rebuild_total` holds the head it last saw). */
const rebuildProgress = (store: EventStore, row: CheckpointRow, head: number): Progress | null => {
  if (row.status !== 'rebuilding' || row.rebuildStartedAt === null) return null;
  const elapsed = (row.rebuildUpdatedAt ?? row.rebuildStartedAt).getTime() - row.rebuildStartedAt.getTime();
  const run = { from: 0, reached: row.rebuildPosition ?? 0, target: Math.max(row.rebuildTotal ?? 0, head) };
  return progressOf(store, run, elapsed);
};

export async function projectionStatuses(store: EventStore, pool: Pool, now = new Date()): Promise<ProjectionStatus[]> {
  const rows = await readCheckpoints(pool);
  const head = await store.headPosition();
  const oldestAfter = new Map<number, Date | undefined>();
  for (const position of new Set(rows.filter((row) => row.position < head).map((row) => row.position))) {
    oldestAfter.set(position, (await store.readAll({ after: position, maxCount: 1 }))[0]?.recordedAt);
  }
  return rows.map((row) => {
    const oldest = oldestAfter.get(row.position);
    return {
      name: row.name,
      position: row.position,
      lagEvents: store.countEvents(row.position, head),
      lagSeconds: oldest ? Math.max((now.getTime() - oldest.getTime()) / 1000, 0) : 0,
      status: row.status,
      progress: rebuildProgress(store, row, head),
      error: row.fault ? `stopped at position ${row.fault.position}: ${row.fault.reason}` : null,
    };
  });
}
