import pg from 'pg';
import type { Database } from '../store/open-database.js';

// Any constant works; it only has to differ from the event store's migration lock.
const READ_MODEL_MIGRATION_LOCK = 7_301_442_002;

/**
 * Runs the read models' TypeORM migrations. The API and a separate projector may start together:
 * on a real server a session advisory lock (on a connection of its own) makes the second one wait.
 * The embedded engine has one connection and one process, so there it simply runs them.
 */
export async function migrateReadModels(database: Database): Promise<void> {
  if (database.embedded) {
    await database.dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  // A connection that dies while held emits 'error'; unheard, Node would end the process. The migration fails on its own.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [READ_MODEL_MIGRATION_LOCK]);
    await database.dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await client.end();
  }
}
