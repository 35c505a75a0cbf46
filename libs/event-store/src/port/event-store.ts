/**
 * The event store port. The rest of the ledger depends on this interface only; adapters
 * (PostgreSQL, embedded PostgreSQL, EventStoreDB) live beside it and pass one contract suite.
 *
 * Positions and revisions are JavaScript numbers, far below 2^53: revisions count events in one
 * stream; positions order the events of the whole store and nothing more, unless `countEvents`
 * says otherwise.
 *
 * Where the adapters differ (the contract tests each side; ContractSubject.semantics):
 * - Positions: PostgreSQL's are a gap-free counter, so they count events; EventStoreDB's are commit
 *   positions, byte offsets in its log with gaps of any size, so `countEvents` answers null there
 *   and the difference of two positions is bytes, never events.
 * - A retry that repeats only some recorded ids records nothing on either, but PostgreSQL refuses it
 *   as InvalidAppendError (`partial-retry`) and EventStoreDB as WrongExpectedRevisionError, the
 *   server's own answer ("This surfaces as a WrongExpectedVersionException",
 *   https://developers.eventstore.com/clients/dotnet/20.10/appending/optimistic-concurrency-and-idempotence.html#idempotence),
 *   which the adapter cannot tell from a conflict.
 * - Event ids are unique in the whole store on PostgreSQL (an id recorded in another stream is a
 *   partial retry); EventStoreDB checks them per stream ("The idempotence check is based on the
 *   EventId and stream"), so the same id appended to another stream is another event there.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `no-stream`: the stream must not exist; `stream-exists`: it must; `any`: no check; a number: its last revision. */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | number;

export interface NewEvent {
  /** A UUID chosen by the writer; appending the same id again records nothing new. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  /** 0-based revision of the event inside its stream. */
  readonly revision: number;
  /** Global position, strictly increasing in the order `readAll` and `subscribeToAll` deliver. */
  readonly position: number;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextRevision: number;
  /** Global position of the last event appended (of the original append when it was a retry). */
  readonly position: number;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface AllFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefix?: string;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. 0 (the default) reads from the start. */
  readonly after?: number;
  readonly maxCount?: number;
  readonly filter?: AllFilter;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the position of the last event the subscriber fully handled. */
  readonly after?: number;
  readonly filter?: AllFilter;
  /** Aborting ends the iteration. */
  readonly signal?: AbortSignal;
}

export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  /** Events of one stream; an unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch up from `after`, then follow live, forever or until the signal aborts. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** Position of the last event a reader can see (0 for an empty store). */
  headPosition(): Promise<number>;
  /**
   * How many events lie after position `after` up to and including `upTo`, when the positions can
   * tell (a gap-free counter); null when they only order events (EventStoreDB's log offsets).
   */
  countEvents(after: number, upTo: number): number | null;
  close(): Promise<void>;
}
