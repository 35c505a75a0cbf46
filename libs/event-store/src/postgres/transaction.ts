import type pg from 'pg';

/** Runs `work` in one transaction on one pooled connection; any throw rolls everything back. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out connection that dies between two queries emits 'error' on the client, and the
  // pool listens only to idle ones: without this the process would crash. The pending or next
  // query fails anyway; the client is handed back broken so the pool drops it.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK means the connection is gone; hand it back broken so the pool drops it.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
