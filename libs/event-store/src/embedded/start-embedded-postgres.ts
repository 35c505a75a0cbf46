import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
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

// Memory (issue 16, "a lean embedded store"). The API with the demo loaded idled at 875 MB RSS on
// a new folder and 391 MB on a restart (the same API on a real PostgreSQL: 153 MB); with the
// three measures below, 230 MB and 212 MB (medians of 4 runs, VmRSS 20 s after the demo was
// recorded; apps/api/bench/embedded-rss.bench.ts records it). Each measure is kept for its own
// measured effect; durability is untouched (see startEmbeddedPostgres).

/**
 * PGlite's own start parameters, plus a small buffer pool. initdb writes shared_buffers = 128MB,
 * and PGlite allocates the pool inside the WebAssembly heap, where it ends up touched in full:
 * 391 -> 240 MB on a restart. 8MB measured the same as 16MB (246 MB), so 16MB keeps more cache
 * for the same memory; past the pool, pages are read from the OS page cache. work_mem,
 * maintenance_work_mem, temp_buffers, wal_buffers and max_connections=5 were tried and changed
 * nothing measurable at idle, so they keep their defaults. PGlite's `initialMemory` cannot go
 * below the 128 MB its module declares, and untouched pages of it cost no RSS anyway.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * PostgreSQL (compiled to WebAssembly) persisted in `dataDir`, reachable over the PostgreSQL
 * wire protocol, so the same pg-based adapter runs on it. One process per folder: PGlite does
 * not lock its data folder against a second process. A new folder takes seconds to initialise.
 *
 * Durability is PGlite's own, unchanged here: its Postgres writes the WAL and data files of the
 * folder through write(2) before a statement's reply is sent, so every acknowledged write is in
 * the kernel and survives kill -9 of this process (PGlite runs Postgres with fsync off, so not a
 * power loss).
 */
export async function startEmbeddedPostgres(options: { dataDir: string }): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  await initialiseInChildProcess(dataDir);
  // WebAssembly code stays on V8's baseline compiler (Liftoff). Tiering PostgreSQL's hot functions
  // up to TurboFan keeps 50-80 MB resident after the demo load (compiled code and the compilers'
  // memory, which glibc keeps in its thread arenas): 266 -> 212 MB on a restart, 270 -> 230 MB on
  // a new folder. Its cost, measured on 30,000 inserts and 30,000 indexed reads: about 10% more
  // CPU; on shorter runs none, as the tier-up compilation itself costs as much as it saves. It is
  // one V8 flag for the process, read whenever a module is compiled, and only processes that run
  // the embedded engine set it.
  setFlagsFromString('--liftoff-only');
  const db = await PGlite.create(dataDir, { startParams: START_PARAMS });
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

/**
 * A new folder is initialised (initdb) by a short-lived Node process of its own. In this process,
 * PGlite's initdb leaves a second PGlite instance and initdb's own 128 MB WebAssembly memory
 * behind as garbage that an idle process never collects: 875 -> 399 MB idle after the first
 * start. A worker thread frees the WebAssembly memory but not what its compilers left in glibc's
 * arenas (still 540 MB); a process that exits returns it all. Costs a second load of PGlite's
 * WebAssembly (about a second), on the first start only.
 */
async function initialiseInChildProcess(dataDir: string): Promise<void> {
  // The same test PGlite makes before it runs initdb itself.
  const initialised = await access(join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (initialised) return;
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = 'require(process.argv[1]).PGlite.create(process.argv[2]).then((db) => db.close())';
  try {
    await promisify(execFile)(process.execPath, ['-e', script, pglite, dataDir]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`initialising the embedded store in ${dataDir} failed${stderr ? `: ${stderr}` : ''}`, {
      cause: error,
    });
  }
}
