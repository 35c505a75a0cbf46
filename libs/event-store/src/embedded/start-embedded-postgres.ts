import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** postgres:// URL of the socket server on 127.0.0.1 (a random free port). */
  readonly connectionString: string;
  /**
   * Always 1. PGlite is one backend; the socket server multiplexes protocol messages of several
   * connections onto it and can interleave their statements, so exactly one connection is safe
   * and every component must share the one pool (README "Sharing the embedded engine").
   */
  readonly poolMax: 1;
  stop(): Promise<void>;
}

/**
 * PostgreSQL (compiled to WebAssembly) persisted in `dataDir`, reachable over the PostgreSQL
 * wire protocol, so the same pg-based adapter runs on it. One process per folder: PGlite does
 * not lock its data folder against a second process. A new folder takes seconds to initialise.
 */
export async function startEmbeddedPostgres(options: { dataDir: string }): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    connectionString: `postgres://postgres@${server.getServerConn()}/postgres`,
    poolMax: 1,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
