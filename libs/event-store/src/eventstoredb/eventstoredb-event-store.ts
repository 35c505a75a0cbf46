import { isDeepStrictEqual } from 'node:util';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  jsonEvent,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type {
  AllFilter,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../port/event-store.js';
import { InvalidAppendError } from '../port/errors.js';
import { validateAppend } from '../port/validate-append.js';
import {
  fromPosition,
  isLedgerEvent,
  matchesFilter,
  positionOf,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toPortError,
  toRecordedEvent,
  toServerFilter,
} from './esdb-mapping.js';
import { readAllFiltered } from './filtered-all-read.js';

/**
 * The port on EventStoreDB. Ordering and gap-freedom of `$all` are the server's; idempotent
 * retries are its deduplication by event id (guaranteed for every expected revision but `any`).
 */
export class EventStoreDbEventStore implements EventStore {
  constructor(private readonly client: EventStoreDBClient) {}

  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const valid = validateAppend(streamId, events, expectedRevision);
    try {
      const result = await this.client.appendToStream(
        streamId,
        valid.map((event) =>
          jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }),
        ),
        { expectedRevision: toEsdbExpectedRevision(expectedRevision) },
      );
      const nextRevision = Number(result.nextExpectedRevision);
      // The server deduplicates by event id alone, so a "retry" with the same ids and other content
      // is answered as a success: reading back what the stream holds at those revisions tells them apart.
      const stored = await this.readStream(streamId, { fromRevision: nextRevision - valid.length + 1, maxCount: valid.length });
      refuseChangedRetry(streamId, valid, stored);
      // A duplicate's answer may carry no position (the server's idempotence check may not know it).
      const position = result.position ? Number(result.position.commit) : stored.at(-1)?.position;
      if (position === undefined) throw new Error(`stream "${streamId}" has no revision ${nextRevision} right after an append`);
      return { nextRevision, position };
    } catch (error) {
      throw toPortError(error, streamId, expectedRevision);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * Pages through $all with the server filtering (see toServerFilter); what the server cannot
   * filter is dropped here, so a page may yield fewer than it read and the next page goes on after
   * the last event read. A read from a position includes the event there: hence `position > after`.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after = 0, maxCount = Number.MAX_SAFE_INTEGER, filter } = options;
    const events: RecordedEvent[] = [];
    for (let from = after; events.length < maxCount; ) {
      const count = Math.min(maxCount - events.length + 1, Number.MAX_SAFE_INTEGER);
      let read = 0;
      for await (const recorded of readAllFiltered(this.client, {
        direction: 'forwards',
        from: fromPosition(from),
        maxCount: count,
        filter: toServerFilter(filter),
      })) {
        read += 1;
        from = positionOf(recorded);
        const event = this.ledgerEvent(recorded, after, filter);
        if (event !== undefined) events.push(event);
        if (events.length >= maxCount) break;
      }
      if (read < count) break;
    }
    return events;
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent, void, undefined> {
    const { after = 0, filter, signal } = options;
    if (signal?.aborted) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: after > 0 ? toEsdbPosition(after) : START,
      filter: toServerFilter(filter),
    });
    const stop = () => void subscription.unsubscribe();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription) {
        if (signal?.aborted) return;
        const event = resolved.event && this.ledgerEvent(resolved.event, after, filter);
        if (event !== undefined) yield event;
      }
    } finally {
      signal?.removeEventListener('abort', stop);
      await subscription.unsubscribe();
    }
  }

  /** The last ledger event's position: read backwards, the server skipping `$` event types. */
  async headPosition(): Promise<number> {
    for (let from: number | 'end' = 'end'; ; ) {
      let last: EsdbRecordedEvent | undefined;
      for await (const recorded of readAllFiltered(this.client, {
        direction: 'backwards',
        from,
        maxCount: 1,
        filter: toServerFilter(undefined),
      })) {
        last = recorded;
      }
      if (last === undefined) return 0;
      from = positionOf(last);
      if (isLedgerEvent(last)) return from;
    }
  }

  /** Positions are byte offsets in the server's log: the events between two of them are not counted. */
  countEvents(): null {
    return null;
  }

  close(): Promise<void> {
    return this.client.dispose();
  }

  /** The ledger's event in `recorded`, or undefined for the server's own, those at or before `after` and those `filter` drops. */
  private ledgerEvent(recorded: EsdbRecordedEvent, after: number, filter: AllFilter | undefined): RecordedEvent | undefined {
    if (!isLedgerEvent(recorded) || positionOf(recorded) <= after) return undefined;
    const event = toRecordedEvent(recorded);
    return matchesFilter(event, filter) ? event : undefined;
  }
}

function refuseChangedRetry(streamId: string, events: readonly NewEvent[], stored: readonly RecordedEvent[]): void {
  const changed = events.some((event, index) => {
    const recorded = stored[index];
    return recorded?.id === event.id && (recorded.type !== event.type || !isDeepStrictEqual(recorded.data, event.data));
  });
  if (changed) throw new InvalidAppendError(streamId, 'changed-retry', 'the event ids are recorded already with another type or data');
}
