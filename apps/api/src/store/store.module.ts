import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, EventStoreConfig } from '@ledger/event-store';
import type { DatabaseConfig } from '../config/app-config.js';
import { DATABASE_CONFIG, EVENT_STORE_CONFIG } from '../config/config.module.js';
import { type Database, openDatabase } from './open-database.js';
import { openEventStore } from './open-event-store.js';
import { DATABASE, EVENT_STORE, SQL_POOL } from './store.tokens.js';

/** The database and the event store: opened once, closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [DATABASE_CONFIG],
      useFactory: (config: DatabaseConfig) => openDatabase(config),
    },
    { provide: SQL_POOL, inject: [DATABASE], useFactory: (database: Database) => database.pool },
    {
      provide: EVENT_STORE,
      inject: [EVENT_STORE_CONFIG, DATABASE],
      useFactory: (config: EventStoreConfig, database: Database) => openEventStore(config, database),
    },
  ],
  exports: [DATABASE, SQL_POOL, EVENT_STORE],
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
