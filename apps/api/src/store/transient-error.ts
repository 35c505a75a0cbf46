/**
 * Whether an error is the database's rather than an event's: the connection dropped or timed out,
 * the server is shutting down or out of resources, or a serialization failure or deadlock. Those are
 * retried; only other errors, which would come back with the same event, fault a projection.
 */
export const isTransient = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    // SQLSTATE classes 08 (connection), 53 (resources), 57 (operator intervention); 40001, 40P01;
    // and Node's own socket errors (ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT...).
    if (/^(08|53|57)/.test(code) || code === '40001' || code === '40P01' || /^E[A-Z]+$/.test(code)) return true;
  }
  return error instanceof Error && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message);
};
