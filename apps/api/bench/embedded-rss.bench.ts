/**
 * What `npm start` holds at rest (`npm run bench -w @ledger/api`, after a build: it builds nothing):
 * the resident memory of the built API on the embedded store (PGlite) with the demo loaded.
 * Starts `node apps/api/dist/main.js --demo` as scripts/start.mjs does, on a new temporary data
 * folder and any free port, waits until it listens (it prints that after the demo is recorded),
 * lets it idle EMBEDDED_RSS_IDLE_SECONDS (default 10), reads VmRSS from /proc (Linux), then Node's
 * heap from GET /metrics, and stops it; then the same again on the same folder (a restart, with
 * no initdb and no demo to record). The baseline is issue 16's target: under 300 MiB.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordResult } from './results.js';
import { round } from './timing.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const TARGET_BYTES = 300 * 2 ** 20;
const IDLE_MS = Number(process.env.EMBEDDED_RSS_IDLE_SECONDS ?? 10) * 1000;
const STARTUP_MS = 120_000;
/** The embedded store with the data folder's own secret, whatever this machine has set. */
const UNSET = ['AUTH_JWT_SECRET', 'DATABASE_URL', 'EVENT_STORE', 'HOST'];

interface AtRest {
  readonly rssBytes: number;
  readonly nodeHeapUsedBytes: number | undefined;
  readonly startMs: number;
}

async function measureAtRest(dataDir: string): Promise<AtRest> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !UNSET.includes(name)));
  const started = performance.now();
  const api = spawn(process.execPath, [MAIN, '--demo'], {
    env: { ...inherited, LEDGER_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await listening(api);
    const startMs = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const rssBytes = await vmRssBytes(api.pid!);
    // Read after VmRSS: answering the scrape allocates.
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const heapUsed = /^nodejs_heap_size_used_bytes (\d+)/m.exec(metrics)?.[1];
    return { rssBytes, nodeHeapUsedBytes: heapUsed === undefined ? undefined : Number(heapUsed), startMs };
  } finally {
    await stop(api);
  }
}

/** The URL the API prints once it listens, which it does after the demo is recorded. */
function listening(api: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the API did not listen within ${STARTUP_MS} ms:\n${output}`)),
      STARTUP_MS,
    );
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    api.stdout!.on('data', collect);
    api.stderr!.on('data', collect);
    api.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) before it listened:\n${output}`));
    });
  });
}

async function vmRssBytes(pid: number): Promise<number> {
  const kB = /^VmRSS:\s+(\d+) kB$/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kB === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kB) * 1024;
}

async function stop(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  await exited;
}

await access(MAIN).catch(() => {
  throw new Error(`${MAIN} is missing: build first (npx nx run-many -t build)`);
});
const dataDir = await mkdtemp(join(tmpdir(), 'ledger-embedded-rss-'));
try {
  const first = await measureAtRest(dataDir);
  console.log(`first start (initdb and the demo): ${JSON.stringify(first)}`);
  const restart = await measureAtRest(dataDir);
  console.log(`restart:                           ${JSON.stringify(restart)}`);
  await recordResult('embeddedRss', {
    what: `VmRSS of \`node apps/api/dist/main.js --demo\` on the embedded store, ${IDLE_MS / 1000} s idle after it listens with the demo loaded`,
    rssBytes: first.rssBytes,
    nodeHeapUsedBytes: first.nodeHeapUsedBytes,
    startMs: first.startMs,
    restart,
    target: { rssBytes: TARGET_BYTES },
    baseline: { what: 'issue 16 target: under 300 MiB', rssBytes: TARGET_BYTES },
    ratio: {
      rssOverTarget: round(first.rssBytes / TARGET_BYTES),
      restartRssOverTarget: round(restart.rssBytes / TARGET_BYTES),
    },
  });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
