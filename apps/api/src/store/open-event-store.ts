import {
  type EventStore,
  type EventStoreConfig,
  EventStoreDbEventStore,
  PostgresEventStore,
} from '@ledger/event-store';
import type { Database } from './open-database.js';

/** The configured event store; on PostgreSQL it shares the database's pool and is migrated first. */
export async function openEventStore(config: EventStoreConfig, database: Database): Promise<EventStore> {
  if (config.kind === 'eventstoredb') return EventStoreDbEventStore.connect(config.eventStoreUrl);
  await PostgresEventStore.migrate(database.pool, {
    appRole: config.kind === 'postgres' ? config.appRole : undefined,
  });
  // The embedded engine cannot spare a connection for LISTEN: subscribers poll and get in-process wakes.
  return new PostgresEventStore(database.pool, {
    ownsPool: false,
    listen: database.embedded ? false : { connectionString: database.url },
  });
}
