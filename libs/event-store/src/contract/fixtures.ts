import { randomUUID } from 'node:crypto';
import type {
  EventStore,
  JsonObject,
  NewEvent,
  RecordedEvent,
  SubscribeOptions,
} from '../port/event-store.js';

/** Where the adapter stands on what the port lets adapters do differently (see the port's doc). */
export interface AdapterSemantics {
  /** How an append repeating only some recorded ids is refused. */
  readonly partialRetry: 'invalid-append' | 'wrong-expected-revision';
  /** Where an event id must be unique. */
  readonly eventIdsUnique: 'in-store' | 'in-stream';
  /** Whether positions count events (`countEvents` answers) or only order them. */
  readonly positionsCountEvents: boolean;
}

/** PostgreSQL's answers: its own adapter and the embedded engine's. */
export const POSTGRES_SEMANTICS: AdapterSemantics = {
  partialRetry: 'invalid-append',
  eventIdsUnique: 'in-store',
  positionsCountEvents: true,
};

/** What each adapter's spec file gives the contract suite. */
export interface ContractSubject {
  /** A store on an empty or shared database; every test uses streams of its own. */
  readonly create: () => Promise<EventStore>;
  /** How many rounds of the concurrent-writers test to run (more on a real server). */
  readonly concurrencyRounds: number;
  readonly semantics: AdapterSemantics;
}

export function newEvent(
  type = 'SomethingHappened',
  data: JsonObject = {},
  metadata: JsonObject = {},
): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

export function newEvents(count: number, type = 'SomethingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

/** A stream id (or prefix) no other test uses, so tests share one store without seeing each other. */
export function uniqueName(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/**
 * Consumes a subscription until `done` says so (or `timeoutMs` passes, then returns what it has),
 * then aborts it; returns the events received and whether the iteration ended on its own.
 */
export async function follow(
  store: EventStore,
  options: Omit<SubscribeOptions, 'signal'>,
  done: (received: readonly RecordedEvent[]) => boolean,
  timeoutMs = 20_000,
): Promise<RecordedEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const received: RecordedEvent[] = [];
  try {
    for await (const event of store.subscribeToAll({ ...options, signal: controller.signal })) {
      received.push(event);
      if (done(received)) break;
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return received;
}

export function isStrictlyIncreasing(positions: readonly number[]): boolean {
  return positions.every((position, index) => index === 0 || position > positions[index - 1]!);
}
