import type { Pool } from 'pg';
import type { Sql } from './row-set.js';

/**
 * Runs `work` in one transaction on a client of its own (the event store keeps its own helper
 * private to its adapter). `work` must not use the pool itself: on the embedded engine the pool is
 * one connection, which this transaction is holding.
 */
export async function inTransaction<T>(pool: Pool, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK means the connection is gone: the pool must drop it, not hand it out again.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
