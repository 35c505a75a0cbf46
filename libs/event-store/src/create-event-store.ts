import type { EventStoreConfig } from './config/event-store-config.js';
import { startEmbeddedPostgres } from './embedded/start-embedded-postgres.js';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
import type { EventStore } from './port/event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

/** The store the configuration names, migrated and ready; close() also stops an embedded engine. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'postgres':
      return PostgresEventStore.connect({ connectionString: config.databaseUrl, appRole: config.appRole });
    case 'embedded':
      return createEmbeddedEventStore(config.dataDir);
    case 'eventstoredb':
      return EventStoreDbEventStore.connect(config.eventStoreUrl);
    default: {
      const unknown: never = config;
      throw new Error(`unknown event store config ${JSON.stringify(unknown)}`);
    }
  }
}

/** The PostgreSQL adapter on PGlite: one connection, so no LISTEN; in-process wakes and polling instead. */
export async function createEmbeddedEventStore(dataDir: string): Promise<EventStore> {
  const engine = await startEmbeddedPostgres({ dataDir });
  try {
    const store = await PostgresEventStore.connect({
      connectionString: engine.connectionString,
      poolMax: engine.poolMax,
      listen: false,
    });
    return {
      appendToStream: (...args) => store.appendToStream(...args),
      readStream: (...args) => store.readStream(...args),
      readAll: (...args) => store.readAll(...args),
      subscribeToAll: (...args) => store.subscribeToAll(...args),
      headPosition: () => store.headPosition(),
      countEvents: (after, upTo) => store.countEvents(after, upTo),
      async close() {
        await store.close();
        await engine.stop();
      },
    };
  } catch (error) {
    await engine.stop();
    throw error;
  }
}
