import pg from 'pg';

/**
 * The pool the adapter (and, on the embedded engine, everyone else) uses. A pool of one is the
 * embedded engine's: it keeps its connection for good, because the engine refuses a second one
 * while an idle one is closing, and a wait for it fails after 30 s instead of hanging for ever
 * (the sign of a store call made inside a transaction that holds the only connection).
 */
export function createPgPool(connectionString: string, max: number): pg.Pool {
  const single = max === 1;
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: single ? 0 : 10_000,
    connectionTimeoutMillis: single ? 30_000 : 0,
  });
  // An idle connection that the server ends (a restart, a dropped database) is emitted here; the
  // pool has already discarded it and opens a new one when asked, and the next query reports any
  // lasting problem. Without a listener, Node would end the whole process over it.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A stand-in for the `pg` module whose Pool is `pool` itself, for libraries that build their
 * own pool from a driver module (TypeORM's `driver` option), so that they share the embedded
 * engine's one connection. Their shutdown does not end the shared pool: its owner does that.
 */
export function sharedPoolDriver(pool: pg.Pool): typeof pg {
  const unendable = new Proxy(pool, {
    get: (target, key, receiver) =>
      key === 'end'
        ? (callback?: (error?: Error) => void) => {
            callback?.();
            return Promise.resolve();
          }
        : Reflect.get(target, key, receiver),
  });
  return {
    ...pg,
    Pool: function SharedPool() {
      return unendable;
    } as unknown as typeof pg.Pool,
  };
}
