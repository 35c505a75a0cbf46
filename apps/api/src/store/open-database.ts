import { startEmbeddedPostgres } from '@ledger/event-store';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { READ_MODEL_ENTITIES, READ_MODEL_MIGRATIONS } from '../read-models/read-model-schema.js';

export interface Database {
  readonly dataSource: DataSource;
  /** TypeORM's own pg pool: on the embedded engine it is the one connection everything shares. */
  readonly pool: Pool;
  readonly embedded: boolean;
  /** The connection string, for a LISTEN connection of its own (real PostgreSQL only). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL for the read models and the idempotency keys (and the events, on the postgres
 * store): the real server at DATABASE_URL, or the embedded engine in LEDGER_DATA_DIR. The embedded
 * engine is a single backend, so TypeORM's pool is capped at one connection and every other
 * component borrows that same pool instead of opening its own.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const engine = config.kind === 'embedded' ? await startEmbeddedPostgres({ dataDir: config.dataDir }) : undefined;
  const url = engine?.connectionString ?? (config.kind === 'postgres' ? config.url : '');
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    extra: engine ? { max: 1, idleTimeoutMillis: 0 } : { max: 10 },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await engine?.stop();
    throw error;
  }
  return {
    dataSource,
    pool: (dataSource.driver as unknown as { master: Pool }).master,
    embedded: engine !== undefined,
    url,
    async close() {
      await dataSource.destroy();
      await engine?.stop();
    },
  };
}
