import type { RecordedEvent } from '../port/event-store.js';
import type { Wakeup } from './wakeup.js';

export interface FollowOptions {
  readonly after: number;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly signal: AbortSignal;
  /** Called before each wait, e.g. to (re)connect a LISTEN connection. */
  readonly beforeWait?: () => void;
}

/**
 * Catch up in batches, then follow: read after the last delivered position, and when a batch
 * comes back short, sleep until woken or the poll interval passes. The checkpoint is the
 * position the reader orders by, so resuming from it neither repeats nor skips.
 */
export async function* followAll(
  readBatch: (after: number, maxCount: number) => Promise<RecordedEvent[]>,
  wakeup: Wakeup,
  options: FollowOptions,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const { batchSize, pollIntervalMs, signal } = options;
  let after = options.after;
  while (!signal.aborted) {
    const seen = wakeup.generation;
    const batch = await readBatch(after, batchSize);
    for (const event of batch) {
      if (signal.aborted) return;
      yield event;
      after = event.position;
    }
    if (batch.length < batchSize) {
      options.beforeWait?.();
      await wakeup.wait(seen, pollIntervalMs, signal);
    }
  }
}
