import type pg from 'pg';

/**
 * Runs `transaction` on one pooled connection: it opens and commits the transaction itself (in as
 * many messages as it likes); any throw rolls back. A checked-out connection that dies between two
 * queries emits 'error' on the client, and the pool listens only to idle ones: without a listener
 * the process would crash. The pending or next query fails anyway; the client is handed back broken
 * so the pool drops it.
 */
export async function onConnection<T>(pool: pg.Pool, transaction: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    return await transaction(client);
  } catch (error) {
    // A failed statement leaves the transaction open and aborted; a failed ROLLBACK means the connection is gone.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Runs `work` in one transaction on one pooled connection; any throw rolls everything back. */
export function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return onConnection(pool, async (client) => {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  });
}
