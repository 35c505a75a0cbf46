import { isDeepStrictEqual } from 'node:util';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  jsonEvent,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import type {
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
  isLedgerEvent,
  matchesFilter,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toPortError,
  toRecordedEvent,
  toServerFilter,
} from './esdb-mapping.js';

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
      await this.refuseChangedRetry(streamId, valid, nextRevision);
      const position = result.position ?? (await this.positionOf(streamId, nextRevision));
      return { nextRevision, position: typeof position === 'number' ? position : Number(position.commit) };
    } catch (error) {
      throw toPortError(error, streamId, expectedRevision);
    }
  }

  /**
   * The server deduplicates by event id alone, so a "retry" with the same ids and other content would
   * be answered as a success. Reading back what the stream holds at those revisions tells them apart.
   */
  private async refuseChangedRetry(streamId: string, events: readonly NewEvent[], nextRevision: number): Promise<void> {
    const stored = await this.readStream(streamId, { fromRevision: nextRevision - events.length + 1, maxCount: events.length });
    const changed = events.some((event, index) => {
      const recorded = stored[index];
      return recorded?.id === event.id && (recorded.type !== event.type || !isDeepStrictEqual(recorded.data, event.data));
    });
    if (changed) throw new InvalidAppendError(streamId, 'changed-retry', 'the event ids are recorded already with another type or data');
  }

  /** A deduplicated retry may come back without a position: read it from the event itself. */
  private async positionOf(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? -1;
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

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after = 0, maxCount = Number.POSITIVE_INFINITY, filter } = options;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    // This client reads $all unfiltered, so the filter runs here; leaving the loop cancels the read.
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: after > 0 ? toEsdbPosition(after) : START,
    });
    for await (const resolved of read) {
      const event = this.ledgerEvent(resolved, after);
      if (event === undefined || !matchesFilter(event, filter)) continue;
      events.push(event);
      if (events.length >= maxCount) break;
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
        const event = this.ledgerEvent(resolved, after);
        if (event !== undefined && matchesFilter(event, filter)) yield event;
      }
    } finally {
      signal?.removeEventListener('abort', stop);
      await subscription.unsubscribe();
    }
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END })) {
      const event = this.ledgerEvent(resolved, 0);
      if (event !== undefined) return event.position;
    }
    return 0;
  }

  close(): Promise<void> {
    return this.client.dispose();
  }

  /** The ledger's event in `resolved`, or undefined for system events and those at or before `after`. */
  private ledgerEvent(resolved: AllStreamResolvedEvent, after: number): RecordedEvent | undefined {
    if (resolved.event === undefined || !isLedgerEvent(resolved.event)) return undefined;
    const event = toRecordedEvent(resolved.event);
    return event.position > after ? event : undefined;
  }
}
