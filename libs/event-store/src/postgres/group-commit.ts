import type pg from 'pg';
import { ConcurrencyConflictError, InvalidAppendError, WrongExpectedRevisionError } from '../port/errors.js';
import type { AppendResult, ExpectedRevision, NewEvent } from '../port/event-store.js';
import { onConnection } from './transaction.js';

export const APPENDED_CHANNEL = 'event_store_appended';

interface Append {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly bytes: number;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome =
  | { readonly position: number; readonly nextRevision: number }
  | { readonly current: number }
  | { readonly recorded: readonly { streamId: string; revision: number; position: number; sameContent: boolean }[] };

export interface GroupCommitLimits {
  /** Appends per batch. */
  readonly maxAppends: number;
  /** Bytes of event JSON per batch: one statement carries them all. */
  readonly maxBytes: number;
  /**
   * Batches on their way at once. The second waits for the counter lock while the first commits,
   * so its round trip and this process's work on it overlap the first's fsync.
   */
  readonly inFlight: number;
}

const DEFAULT_LIMITS: GroupCommitLimits = { maxAppends: 256, maxBytes: 4 * 1024 * 1024, inFlight: 2 };

/** Another writer's lock or snapshot got in the way: nothing was recorded, and trying again can succeed. */
const RETRYABLE = new Set(['40001', '40P01', '55P03']);
const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/**
 * Group commit: appends that arrive while a batch is committing wait and form the next batch, which
 * is one round trip: BEGIN READ COMMITTED, one call of event_store.append_batch (migration 3), COMMIT.
 * So N appends in flight share one counter-row lock and one commit (one fsync) instead of taking
 * turns at five round trips and a commit each. Each append keeps its own outcome: a wrong expected
 * revision or a retry fails or answers that append alone, checked in batch order.
 */
export class GroupCommit {
  private waiting: Append[] = [];
  private committing = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly limits: GroupCommitLimits = DEFAULT_LIMITS,
  ) {}

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const bytes = events.reduce((sum, event) => sum + JSON.stringify(event.data).length + JSON.stringify(event.metadata).length, 0);
      this.waiting.push({ streamId, events, expected, bytes, resolve, reject });
      if (this.committing < this.limits.inFlight) void this.commitWaiting();
    });
  }

  private async commitWaiting(): Promise<void> {
    this.committing++;
    try {
      while (this.waiting.length > 0) await this.commit(this.nextBatch());
    } finally {
      this.committing--;
    }
  }

  /** The longest run of waiting appends within the limits (at least one, however large). */
  private nextBatch(): Append[] {
    let bytes = 0;
    let count = 0;
    for (const append of this.waiting) {
      if (count > 0 && (count >= this.limits.maxAppends || bytes + append.bytes > this.limits.maxBytes)) break;
      bytes += append.bytes;
      count++;
    }
    return this.waiting.splice(0, count);
  }

  private async commit(batch: readonly Append[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.call(batch);
    } catch (error) {
      if (batch.length > 1 && !RETRYABLE.has(codeOf(error) as string) && !isConnectionError(error)) {
        // An error of one append's own (not the database's): each alone, so it fails only its owner.
        for (const append of batch) await this.commit([append]);
        return;
      }
      for (const append of batch) append.reject(RETRYABLE.has(codeOf(error) as string) ? retryable(append.streamId, error) : error);
      return;
    }
    batch.forEach((append, index) => settle(append, outcomes[index]));
  }

  private async call(batch: readonly Append[]): Promise<Outcome[]> {
    const payload = JSON.stringify(batch.map(({ streamId, events, expected }) => ({ streamId, events, expected: String(expected) })));
    return onConnection(this.pool, async (client) => {
      // One simple-protocol message: the explicit isolation, the batch and its commit in one round trip.
      const results = (await client.query(
        `BEGIN ISOLATION LEVEL READ COMMITTED; SELECT event_store.append_batch(${client.escapeLiteral(payload)}::jsonb) AS outcomes; COMMIT`,
      )) as unknown as pg.QueryResult<{ outcomes: Outcome[] }>[];
      const outcomes = results[1]?.rows[0]?.outcomes;
      if (!Array.isArray(outcomes) || outcomes.length !== batch.length) throw new Error('append_batch answered no outcome per append');
      return outcomes;
    });
  }
}

function settle(append: Append, outcome: Outcome | undefined): void {
  const { streamId, events, expected } = append;
  try {
    if (outcome === undefined) throw new Error(`append_batch gave no outcome for stream "${streamId}"`);
    if ('position' in outcome) return append.resolve({ position: Number(outcome.position), nextRevision: outcome.nextRevision });
    if ('current' in outcome) throw new WrongExpectedRevisionError(streamId, expected, outcome.current >= 0 ? outcome.current : 'no-stream');
    append.resolve(originalResult(streamId, events.length, outcome.recorded));
  } catch (error) {
    append.reject(error);
  }
}

/**
 * An append whose event ids are all recorded already is a retry: answer as the first time. Only if
 * it is the same append, though: the same ids with another type or data are refused, never answered
 * with the first append's result (metadata may differ: a retry is a new request).
 */
function originalResult(streamId: string, count: number, recorded: Extract<Outcome, { recorded: unknown }>['recorded']): AppendResult {
  if (recorded.length < count || recorded.some((event) => event.streamId !== streamId)) {
    throw new InvalidAppendError(
      streamId,
      'partial-retry',
      `${recorded.length} of the ${count} event ids are recorded already (in stream "${recorded[0]?.streamId}")`,
    );
  }
  if (recorded.some((event) => !event.sameContent)) {
    throw new InvalidAppendError(streamId, 'changed-retry', 'the event ids are recorded already with another type or data');
  }
  return {
    nextRevision: Math.max(...recorded.map((event) => event.revision)),
    position: Math.max(...recorded.map((event) => Number(event.position))),
  };
}

const retryable = (streamId: string, error: unknown): ConcurrencyConflictError =>
  new ConcurrencyConflictError(streamId, `Stream "${streamId}": the append met another writer's lock or snapshot (${error instanceof Error ? error.message : String(error)}); nothing was recorded`);

/** The connection broke: whether the batch committed is unknown, so the callers hear the error itself. */
const isConnectionError = (error: unknown): boolean => {
  const code = codeOf(error);
  return typeof code === 'string' ? /^(08|57P)/.test(code) || code.startsWith('E') : !(error as { severity?: unknown } | null)?.severity;
};
