export * from './port/event-store.js';
export * from './port/errors.js';
export { validateAppend } from './port/validate-append.js';
export {
  PostgresEventStore,
  type ConnectPostgresOptions,
  type PostgresEventStoreOptions,
} from './postgres/postgres-event-store.js';
export type { MigrateOptions } from './postgres/migrations.js';
export { createPgPool, sharedPoolDriver } from './postgres/pg-pool.js';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/start-embedded-postgres.js';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
export { loadEventStoreConfig, ConfigError, type EventStoreConfig } from './config/event-store-config.js';
export { createEventStore, createEmbeddedEventStore } from './create-event-store.js';
export { inTransaction } from './postgres/transaction.js';
export { NotificationListener } from './postgres/notification-listener.js';
export { Wakeup } from './postgres/wakeup.js';
