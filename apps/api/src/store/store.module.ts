import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { type EventStore, type EventStoreConfig, EventStoreDbEventStore, PostgresEventStore } from '@ledger/event-store';
import type { DatabaseConfig } from '../config/app-config.js';
import { DATABASE_CONFIG, EVENT_STORE_CONFIG } from '../config/config.module.js';
import { IdempotencyStore } from '../idempotency/idempotency.store.js';
import { type Database, openDatabase } from './open-database.js';
import { DATABASE, EVENT_STORE, SQL_POOL } from './store.tokens.js';

async function openEventStore(config: EventStoreConfig, database: Database): Promise<EventStore> {
  if (config.kind === 'eventstoredb') return EventStoreDbEventStore.connect(config.eventStoreUrl);
  await PostgresEventStore.migrate(database.pool);
  // The embedded engine cannot spare a connection for LISTEN: subscribers poll and get in-process wakes.
  return new PostgresEventStore(database.pool, {
    ownsPool: false,
    listen: database.embedded ? false : { connectionString: database.url },
  });
}

/** The database, the event store and the idempotency keys: opened once, closed on shutdown. */
@Global()
@Module({
  providers: [
    { provide: DATABASE, inject: [DATABASE_CONFIG], useFactory: (config: DatabaseConfig) => openDatabase(config) },
    { provide: SQL_POOL, inject: [DATABASE], useFactory: (database: Database) => database.pool },
    {
      provide: EVENT_STORE,
      inject: [EVENT_STORE_CONFIG, DATABASE],
      useFactory: (config: EventStoreConfig, database: Database) => openEventStore(config, database),
    },
    {
      provide: IdempotencyStore,
      inject: [DATABASE],
      useFactory: async (database: Database) => {
        const store = new IdempotencyStore(database.pool);
        await store.migrate();
        return store;
      },
    },
  ],
  exports: [DATABASE, SQL_POOL, EVENT_STORE, IdempotencyStore],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.database.close();
  }
}
