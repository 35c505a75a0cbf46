import type { ExpectedRevision } from './event-store.js';

/** The closed set of failures the store reports as values; callers branch on `type`, never on messages. */
export type EventStoreErrorType = 'concurrency-conflict' | 'invalid-append';

export abstract class EventStoreError extends Error {
  abstract readonly type: EventStoreErrorType;
}

/** Another writer got in the way: reload, decide again, retry. */
export class ConcurrencyConflictError extends EventStoreError {
  readonly type = 'concurrency-conflict';

  constructor(
    readonly streamId: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConcurrencyConflictError';
  }
}

/** The stream moved since the writer read it: reload, decide again, retry. */
export class WrongExpectedRevisionError extends ConcurrencyConflictError {
  constructor(
    streamId: string,
    readonly expectedRevision: ExpectedRevision,
    /** The stream's last revision when the append was checked, or `no-stream`. */
    readonly actualRevision: number | 'no-stream',
  ) {
    super(streamId, `Stream "${streamId}": expected revision ${String(expectedRevision)}, but the stream is at ${String(actualRevision)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** What was wrong with an append; nothing of it was recorded. */
export type InvalidAppendReason =
  | 'empty-stream-id'
  | 'reserved-stream-id'
  | 'no-events'
  | 'bad-event-id'
  | 'duplicate-event-id'
  | 'bad-event-type'
  | 'not-json'
  | 'unknown-expected-revision'
  | 'partial-retry'
  | 'changed-retry';

/** A programming error in the caller: retrying the same call can never succeed. */
export class InvalidAppendError extends EventStoreError {
  readonly type = 'invalid-append';

  constructor(
    readonly streamId: string,
    readonly reason: InvalidAppendReason,
    detail: string,
  ) {
    super(`Cannot append to stream "${streamId}": ${detail}`);
    this.name = 'InvalidAppendError';
  }
}
