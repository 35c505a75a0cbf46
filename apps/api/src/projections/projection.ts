import { isDomainError, type LedgerEvent, readRecorded } from '@ledger/domain';
import type { JsonObject, RecordedEvent } from '@ledger/event-store';
import type { Sql } from './row-set.js';

/** A recorded event as the projections see it: the domain event when the ledger knows its type. */
export interface ProjectedEvent {
  readonly position: number;
  readonly streamId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly occurredAt: string;
  /** undefined for an event type this build does not know (only the audit log records it), or cannot read. */
  readonly event: LedgerEvent | undefined;
  /** Why a known type could not be read (a schema version this build does not know): it faults its subscribers. */
  readonly unreadable?: string;
}

/**
 * A read model: the tables it owns (unqualified: the batch's search_path points at the live schema
 * or at a rebuild's shadow schema) and how a batch of events changes them. `apply` gets only the
 * events after the projection's checkpoint and runs inside the batch's transaction.
 */
export interface Projection {
  readonly name: string;
  readonly tables: readonly string[];
  /** The event types it reads; one of them it cannot read faults it, any other type passes by. */
  readonly eventTypes: readonly string[];
  apply(events: readonly ProjectedEvent[], sql: Sql): Promise<void>;
}

const decode = (recorded: RecordedEvent): Pick<ProjectedEvent, 'event' | 'unreadable'> => {
  try {
    return { event: readRecorded(recorded) };
  } catch (error) {
    // A type this build does not know is no projection's concern; a known one it cannot read is.
    if (isDomainError(error) && error.type === 'unknown-event-type') return { event: undefined };
    return { event: undefined, unreadable: error instanceof Error ? error.message : String(error) };
  }
};

export const toProjectedEvent = (recorded: RecordedEvent): ProjectedEvent => ({
  position: recorded.position,
  streamId: recorded.streamId,
  type: recorded.type,
  data: recorded.data,
  metadata: recorded.metadata,
  occurredAt: typeof recorded.metadata.occurredAt === 'string' ? recorded.metadata.occurredAt : recorded.recordedAt.toISOString(),
  ...decode(recorded),
});

/** The batch's events of the given types, narrowed. */
export const eventsOf = <T extends LedgerEvent['type']>(events: readonly ProjectedEvent[], ...types: T[]) =>
  events.filter((e): e is ProjectedEvent & { event: Extract<LedgerEvent, { type: T }> } => e.event !== undefined && (types as string[]).includes(e.event.type));

/** The first event after `after` of a type the projection reads but that could not be read: where it faults. */
export const firstUnreadable = (projection: Projection, events: readonly ProjectedEvent[], after = 0): ProjectedEvent | undefined =>
  events.find((e) => e.position > after && e.unreadable !== undefined && projection.eventTypes.includes(e.type));
