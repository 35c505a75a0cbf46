import { createPgPool, sharedPoolDriver, startEmbeddedPostgres } from '@ledger/event-store';
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
 * store): the real server at DATABASE_URL, or the embedded engine in LEDGER_DATA_DIR. One pg pool
 * serves TypeORM, the event store and the idempotency keys; on the embedded engine, a single
 * backend, it holds exactly one connection (libs/event-store README, "Sharing the embedded engine").
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const engine = config.kind === 'embedded' ? await startEmbeddedPostgres({ dataDir: config.dataDir }) : undefined;
  const url = engine?.connectionString ?? (config.kind === 'postgres' ? config.url : '');
  const pool = createPgPool(url, engine ? 1 : 10);
  const dataSource = new DataSource({
    type: 'postgres',
    driver: sharedPoolDriver(pool),
    url,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
  });
  const close = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await pool.end();
    await engine?.stop();
  };
  try {
    await dataSource.initialize();
  } catch (error) {
    await close();
    throw error;
  }
  return { dataSource, pool, embedded: engine !== undefined, url, close };
}
