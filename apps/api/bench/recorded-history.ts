import { type EventStore, PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase } from '@ledger/event-store/testing';
import { appendHistory, generateHistory, type LedgerHistory } from '../src/projections/testing/ledger-history.js';
import { openReadModels } from '../src/projections/testing/read-model-testing.js';
import type { Database } from '../src/store/open-database.js';
import { timed } from './timing.js';

export interface HistorySize {
  readonly customers: number;
  readonly eventsPerCustomer: number;
}

/** HISTORY_CUSTOMERS and HISTORY_EVENTS_PER_CUSTOMER size every history benchmark; each has its own defaults. */
export const historySize = (defaults: HistorySize): HistorySize => ({
  customers: Number(process.env.HISTORY_CUSTOMERS ?? defaults.customers),
  eventsPerCustomer: Number(process.env.HISTORY_EVENTS_PER_CUSTOMER ?? defaults.eventsPerCustomer),
});

export interface RecordedHistory {
  readonly url: string;
  readonly store: PostgresEventStore;
  /** The read models' schema, empty, with the pool a projector writes through. */
  readonly readModels: Database;
  /** The last position: the number of events, positions being gap-free from 1. */
  readonly head: number;
  /** What recording it took: generating it through the domain's deciders, and appending it. */
  readonly setupMs: { readonly generateMs: number; readonly appendMs: number };
  close(): Promise<void>;
}

/** A fresh database holding a generated history of realistic domain events, appended through the event store. */
export async function recordHistory(
  size: HistorySize,
  seed = 1,
  /** Seconds between two generated commands (see generateHistory). */
  tickSeconds?: number,
  /** How the streams' events are appended, and so interleaved in the global order. */
  append: (store: EventStore, history: LedgerHistory) => Promise<void> = (to, history) => appendHistory(to, history, 100),
): Promise<RecordedHistory> {
  const database = await createTestDatabase();
  const store = await PostgresEventStore.connect({ connectionString: database.url });
  const readModels = await openReadModels(database.url);
  const close = async () => {
    await store.close();
    await readModels.close();
    await database.drop();
  };
  try {
    const started = performance.now();
    const history = generateHistory({ ...size, seed, ...(tickSeconds !== undefined && { tickSeconds }) });
    const generate = performance.now() - started;
    const appendMs = await timed(() => append(store, history));
    const setupMs = { generateMs: Math.round(generate), appendMs: Math.round(appendMs) };
    return { url: database.url, store, readModels, head: await store.headPosition(), setupMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
