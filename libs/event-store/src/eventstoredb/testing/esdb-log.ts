/**
 * The test server's transaction log: every event of every stream, in the order it was written,
 * each at a byte offset that grows by the size of the record before it. Only what the ledger's
 * adapter touches is imitated; each rule names the EventStoreDB documentation it follows.
 */

/** Expected versions as EventStoreDB's storage layer encodes them (a number >= 0 is a revision). */
export const EXPECTED_ANY = -2;
export const EXPECTED_NO_STREAM = -1;
export const EXPECTED_STREAM_EXISTS = -4;
/** The current version of a stream that has no event. */
const NO_STREAM = -1;

export interface ProposedEvent {
  /** A lower-case UUID. */
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export interface LogEvent extends ProposedEvent {
  /** Commit and prepare position at once: the record's byte offset in the log. */
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly created: Date;
}

export type AppendOutcome =
  | { readonly result: 'written' | 'idempotent'; readonly lastRevision: number; readonly position: number }
  | { readonly result: 'wrong-expected-version'; readonly currentRevision: number };

/** A server-side filter: on the event type or the stream name, by a regular expression or prefixes. */
export interface LogFilter {
  readonly on: 'event-type' | 'stream-name';
  readonly regex?: RegExp;
  readonly prefixes?: readonly string[];
}

export function matches(filter: LogFilter | undefined, event: LogEvent): boolean {
  if (filter === undefined) return true;
  const subject = filter.on === 'event-type' ? event.type : event.streamId;
  return filter.regex !== undefined
    ? filter.regex.test(subject)
    : (filter.prefixes ?? []).some((prefix) => subject.startsWith(prefix));
}

/*
 * A prepare record's fixed part: length prefix and suffix (4 bytes each), record type and version,
 * log position, flags, transaction position and offset, expected version, event and correlation
 * ids and the timestamp. EventStoreDB's documentation says the database is one log appended to the
 * end of its chunk files (https://developers.eventstore.com/server/v24.6/db-config.html#database-location)
 * and that $all positions are positions in that log
 * (https://developers.eventstore.com/clients/grpc/reading-events.html#reading-from-the-all-stream);
 * the record layout itself is the server's (PrepareLogRecord), not documented: any size > 0 keeps
 * the point, that positions are byte offsets with gaps, never event counts.
 */
const RECORD_FIXED_BYTES = 8 + 2 + 8 + 2 + 8 + 4 + 8 + 16 + 16 + 8;
/** Where the first record goes: the log starts with records that are no events (epochs). */
const FIRST_RECORD_POSITION = 512;

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

function recordSize(streamId: string, event: ProposedEvent): number {
  const strings = byteLength(streamId) + 1 + byteLength(event.type) + 1;
  return RECORD_FIXED_BYTES + strings + 4 + event.data.length + 4 + event.metadata.length;
}

interface Stream {
  readonly events: LogEvent[];
  readonly byId: Map<string, LogEvent>;
}

export class EsdbLog {
  private readonly all: LogEvent[] = [];
  private readonly streams = new Map<string, Stream>();
  private readonly listeners = new Set<(written: readonly LogEvent[]) => void>();
  private writerCheckpoint = FIRST_RECORD_POSITION;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /**
   * Optimistic concurrency and idempotence as documented in
   * https://developers.eventstore.com/clients/dotnet/20.10/appending/optimistic-concurrency-and-idempotence.html#idempotence:
   * "The idempotence check is based on the EventId and stream"; with an expected version below the
   * current one the ids are compared with the stream's events from that version on: all recorded,
   * "acknowledged as successful, but no duplicate events appended"; none, or only some ("a bad
   * request"), WrongExpectedVersion. With Any (and StreamExists) all recorded is a success, none is
   * appended, some is WrongExpectedVersion. The answer to a duplicate carries the revision and
   * position of the recorded events (the server's RequestManagerBase answers AlreadyCommitted so).
   */
  append(streamId: string, expectedVersion: number, proposed: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? { events: [], byId: new Map<string, LogEvent>() };
    const current = stream.events.length - 1;
    const decision = this.decide(stream, current, expectedVersion, proposed);
    if (decision === 'wrong-expected-version')
      return { result: 'wrong-expected-version', currentRevision: current };
    if (decision !== 'write')
      return { result: 'idempotent', lastRevision: decision.revision, position: decision.position };
    const created = this.clock();
    const written = proposed.map((event, index) => {
      const recorded: LogEvent = {
        ...event,
        streamId,
        revision: current + 1 + index,
        position: this.writerCheckpoint,
        created,
      };
      this.writerCheckpoint += recordSize(streamId, event);
      return recorded;
    });
    this.streams.set(streamId, stream);
    for (const event of written) {
      stream.events.push(event);
      stream.byId.set(event.id, event);
      this.all.push(event);
    }
    for (const listener of this.listeners) listener(written);
    const last = written.at(-1)!;
    return { result: 'written', lastRevision: last.revision, position: last.position };
  }

  private decide(
    stream: Stream,
    current: number,
    expected: number,
    proposed: readonly ProposedEvent[],
  ): 'write' | 'wrong-expected-version' | LogEvent {
    if (expected === EXPECTED_STREAM_EXISTS && current === NO_STREAM) return 'wrong-expected-version';
    if (expected === EXPECTED_ANY || expected === EXPECTED_STREAM_EXISTS) {
      const recorded = proposed.map((event) => stream.byId.get(event.id));
      if (recorded.every((event) => event === undefined)) return 'write';
      return recorded.every((event) => event !== undefined) ? recorded.at(-1)! : 'wrong-expected-version';
    }
    if (expected < current) {
      const recorded = proposed.map((event, index) => stream.events[expected + 1 + index]?.id === event.id);
      return recorded.every(Boolean) ? stream.events[expected + proposed.length]! : 'wrong-expected-version';
    }
    return expected === current ? 'write' : 'wrong-expected-version';
  }

  /** Events of one stream, or undefined when it has none. */
  readStream(
    streamId: string,
    from: number | 'start' | 'end',
    direction: 'forwards' | 'backwards',
    count: number,
  ): LogEvent[] | undefined {
    const events = this.streams.get(streamId)?.events;
    if (events === undefined) return undefined;
    if (direction === 'forwards') {
      const start = from === 'start' ? 0 : from === 'end' ? events.length : from;
      return events.slice(start, start + count);
    }
    const end = from === 'start' ? 0 : from === 'end' ? events.length - 1 : Math.min(from, events.length - 1);
    return events.slice(Math.max(end - count + 1, 0), end + 1).reverse();
  }

  /**
   * $all in log order. Forwards from a position starts at the event there (reads are inclusive);
   * backwards from a position starts at the event before it. A filter counts only the events it lets
   * through, as the server's filtered reads do.
   */
  readAll(
    from: number | 'start' | 'end',
    direction: 'forwards' | 'backwards',
    count: number,
    filter?: LogFilter,
  ): LogEvent[] {
    const forwards = direction === 'forwards';
    const start = from === 'start' ? 0 : from === 'end' ? Number.POSITIVE_INFINITY : from;
    const candidates = forwards
      ? this.all.filter((e) => e.position >= start)
      : this.all.filter((e) => e.position < start).reverse();
    const result: LogEvent[] = [];
    for (const event of candidates) {
      if (result.length >= count) break;
      if (matches(filter, event)) result.push(event);
    }
    return result;
  }

  /** Every event after `position` (exclusive), in log order. */
  after(position: number): LogEvent[] {
    return this.all.filter((event) => event.position > position);
  }

  get head(): number {
    return this.all.at(-1)?.position ?? 0;
  }

  /** Called with the events of each append, in log order, as it is written. */
  onAppend(listener: (written: readonly LogEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
