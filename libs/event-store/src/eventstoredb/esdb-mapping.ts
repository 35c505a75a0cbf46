import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AppendExpectedRevision,
  type Filter,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../port/errors.js';
import type { AllFilter, ExpectedRevision, JsonObject, RecordedEvent } from '../port/event-store.js';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no-stream') return NO_STREAM;
  if (expected === 'stream-exists') return STREAM_EXISTS;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = error.actualVersion === NO_STREAM ? 'no-stream' : Number(error.actualVersion);
  return new WrongExpectedRevisionError(streamId, expected, actual);
}

/**
 * `$all` positions are {commit, prepare} log offsets. The port's position is the commit offset;
 * resuming from it assumes commit === prepare, which holds for appends on EventStoreDB 20+
 * (explicit multi-append transactions, the exception, are not used by this adapter).
 */
export function toEsdbPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/** Where a read of $all starts: the start of the log, or an event's position. */
export const fromPosition = (position: number): number | 'start' => (position > 0 ? position : 'start');

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: positionOf(event),
    type: event.type,
    data: toJsonObject(event.data),
    metadata: toJsonObject(event.metadata),
    recordedAt: event.created,
  };
}

/**
 * The client always gives a position object: an absent field reads as 0 (protobuf's default), and
 * servers spell "no position" 2^64 - 1. Neither is an event's place in the log (the log starts
 * with the server's own records), and a made-up position would break every checkpoint: refuse it.
 */
export function positionOf(event: EsdbRecordedEvent): number {
  const commit = event.position?.commit ?? 0n;
  if (commit <= 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(
      `EventStoreDB gave no $all position (${commit}) for event ${event.id} of stream "${event.streamId}"`,
    );
  }
  return Number(commit);
}

function toJsonObject(value: unknown): JsonObject {
  if (value instanceof Uint8Array)
    return value.length === 0 ? {} : (JSON.parse(Buffer.from(value).toString('utf8')) as JsonObject);
  return (value ?? {}) as JsonObject;
}

/** System events (`$...` types or streams) are the server's own, never the ledger's. */
export function isLedgerEvent(event: EsdbRecordedEvent): boolean {
  return !event.type.startsWith('$') && !event.streamId.startsWith('$');
}

export function matchesFilter(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  if (filter?.eventTypes !== undefined && !filter.eventTypes.includes(event.type)) return false;
  return filter?.streamPrefix === undefined || event.streamId.startsWith(filter.streamPrefix);
}

/**
 * The server filters on one thing only, event type or stream name; the other part of the filter
 * (and system events in streams with a non-`$` type) is applied by matchesFilter and isLedgerEvent
 * on our side.
 */
export function toServerFilter(filter: AllFilter | undefined): Filter {
  if (filter?.eventTypes !== undefined) {
    const alternatives = filter.eventTypes.map((type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return eventTypeFilter({ regex: `^(?:${alternatives.join('|')})$` });
  }
  if (filter?.streamPrefix !== undefined) return streamNameFilter({ prefixes: [filter.streamPrefix] });
  return excludeSystemEvents();
}
