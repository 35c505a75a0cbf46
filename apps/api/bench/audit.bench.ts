/**
 * The audit trail against a generated history (`npm run bench -w @ledger/api`, or this file alone:
 * `cd apps/api && SWC_NODE_PROJECT=./tsconfig.json node --conditions=@ledger/source --import
 * @swc-node/register/esm-register bench/audit.bench.ts`). Key `audit` in bench/results/latest.json.
 *
 * - First page with filters: GET /api/audit over HTTP (an auditor of the root reseller, of a child
 *   reseller, a customer manager; each filter of API.md), p50/p95 per case and over all cases
 *   (target p95 < 10 ms). Baseline: the same first page's SQL (the statement the route runs, with
 *   the caller's scope resolved) run straight on the pool. Free text that matches nothing, with no
 *   other filter, reads every row (no trigram index) and is measured apart.
 * - The history is appended in rounds (appendInRounds) so the shared order-numbers stream is spread
 *   over the log as in the ledger, not piled at its end.
 * - CSV export of the whole log in the root auditor's scope: time, rows/s and the API process's peak
 *   RSS growth (target < 50 MB at 1,000,000 events). Baseline: a raw COPY of the table to CSV.
 * - Verify of the whole scope: time and peak RSS growth (no target; bounded by a page).
 *
 * The API runs as its own process (audit-server.ts) so its memory is measured apart from the
 * history this process generated. HISTORY_CUSTOMERS sizes it: the default 800 customers (about
 * 250,000 events) takes about 3 minutes on a 2-core machine; HISTORY_CUSTOMERS=3200 gives about
 * 1,000,000 events (AUDIT_SAMPLES, default 100, sets the requests per case).
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '@ledger/event-store';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { signToken } from '../src/auth/jwt.js';
import { principalOf, type Principal } from '../src/auth/principal.js';
import { auditLogProjection } from '../src/projections/audit-log.projection.js';
import { lowestPosition } from '../src/projections/checkpoints.js';
import { customersProjection } from '../src/projections/customers.projection.js';
import { Projector } from '../src/projections/projector.js';
import type { LedgerHistory } from '../src/projections/testing/ledger-history.js';
import { quietLog, waitUntil } from '../src/projections/testing/read-model-testing.js';
import { killProcess } from '../src/projections/testing/projector-process.js';
import type { AuditFilters } from '../src/queries/audit-trail/audit-filters.js';
import { selectAudit } from '../src/queries/audit-trail/audit-rows.js';
import { auditScopeOf } from '../src/queries/audit-trail/audit-scope.js';
import { windowFirst } from '../src/queries/audit-trail/list-audit.query.js';
import { TEST_SECRET } from '../src/testing/test-app.js';
import { historySize, recordHistory } from './recorded-history.js';
import { recordResult } from './results.js';
import { measured, perSecond, percentile, round } from './timing.js';

const size = historySize({ customers: 800, eventsPerCustomer: 250 });
const SAMPLES = Number(process.env.AUDIT_SAMPLES ?? 100);
const WARM_UP = 10;
const TARGET = { firstPageP95Ms: 10, exportRssGrowthMb: 50 };
const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

/** The API as a child process on `url`; resolves with its base URL once it listens. */
async function startServer(url: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(
    process.execPath,
    ['--conditions=@ledger/source', '--import', '@swc-node/register/esm-register', 'bench/audit-server.ts'],
    {
      cwd: API_DIR,
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: '', SWC_NODE_PROJECT: './tsconfig.json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /audit bench server on (http:\/\/\S+)/.exec(output);
      if (listening?.[1]) resolve(listening[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`the API exited (${code}) before it listened:\n${output}`)),
    );
  });
  return { child, baseUrl };
}

/** A process's resident memory in bytes, from /proc (Linux): `VmRSS` now, or `VmHWM` its peak since the last reset. */
async function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
  if (kb === undefined) throw new Error(`no ${field} for process ${pid}`);
  return Number(kb) * 1024;
}

/** Runs `work` and answers how far the process's resident memory rose above where it stood before, at its peak. */
async function peakGrowth<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; rssGrowthMb: number }> {
  // Writing 5 to clear_refs resets the peak (VmHWM) to the current RSS.
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const before = await memoryOf(pid, 'VmRSS');
  const result = await measured(work);
  const peak = await memoryOf(pid, 'VmHWM');
  return { value: result.value, ms: result.ms, rssGrowthMb: round((peak - before) / MB, 1) };
}

const latencies = async (run: () => Promise<void>, samples = SAMPLES, warmUp = WARM_UP) => {
  for (let i = 0; i < warmUp; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b);
};

const figures = (sorted: readonly number[]) => ({
  p50Ms: round(percentile(sorted, 0.5), 2),
  p95Ms: round(percentile(sorted, 0.95), 2),
});

const query = (filters: Partial<AuditFilters>): string =>
  Object.entries(filters)
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${key}=${encodeURIComponent(String(v))}`),
    )
    .join('&');

/**
 * Appends every stream in `rounds` slices of its length, a slice of each stream per round, so the
 * streams interleave over the whole log as in the ledger, where an order's number is taken as it
 * is placed. appendHistory's fixed chunks leave the generator's long shared order-numbers stream (a
 * fifth of its events) alone at the end of the log, where every newest-first read of a tenant
 * would first wade through it.
 */
async function appendInRounds(store: EventStore, history: LedgerHistory, rounds = 25): Promise<void> {
  const streams = [...history.streams];
  for (let round = 0; round < rounds; round++)
    for (const [streamId, events] of streams) {
      const from = Math.floor((events.length * round) / rounds);
      const to = Math.floor((events.length * (round + 1)) / rounds);
      if (to > from)
        await store.appendToStream(streamId, events.slice(from, to), from === 0 ? 'no-stream' : from - 1);
    }
}

const history = await recordHistory(size, 1, undefined, appendInRounds);
let server: ChildProcess | undefined;
const sql = new pg.Pool({ connectionString: history.url, max: 2 });
try {
  const { store, head } = history;
  const { pool } = history.readModels;
  console.log(
    `history: ${head} events (${size.customers} customers), generated in ${history.setupMs.generateMs} ms, appended in ${history.setupMs.appendMs} ms`,
  );

  // Only the read models the audit trail reads: the customers that scope it, and the log.
  const projections = [customersProjection, auditLogProjection];
  const projector = new Projector(store, pool, quietLog, { projections });
  const catchUp = await measured(async () => {
    await projector.start();
    await waitUntil(
      async () =>
        (await lowestPosition(
          pool,
          projections.map((p) => p.name),
        )) >= head,
      3_600_000,
      'the audit log to reach the head',
    );
  });
  await projector.stop();
  console.log(
    `audit log projected:  ${perSecond(head, catchUp.ms)} events/s (with the customers read model, ${catchUp.ms} ms)`,
  );
  await sql.query('VACUUM ANALYZE read_models.audit_log');
  await sql.query('VACUUM ANALYZE read_models.customers');

  const started = await startServer(history.url);
  server = started.child;
  const { baseUrl } = started;
  const pid = server.pid!;

  const sample = (
    await sql.query<{ customer_id: string; order_no: string; actor: string }>(
      `SELECT customer_id, order_no, actor FROM read_models.audit_log
        WHERE customer_id = 'C000100005' AND type = 'OrderPlaced' ORDER BY position LIMIT 1 OFFSET 3`,
    )
  ).rows[0]!;
  const middle = (
    await sql.query<{ at: Date }>('SELECT occurred_at AS at FROM read_models.audit_log WHERE position = $1', [
      Math.floor(head / 2),
    ])
  ).rows[0]!.at;
  const day = { from: middle.toISOString(), to: new Date(middle.getTime() + 86_400_000).toISOString() };

  type Caller = 'root' | 'child' | 'manager';
  const callers: Record<Caller, Principal> = {
    root: principalOf('auditor', 'auditor@RS-Vertical', 'RS-Vertical'),
    child: principalOf('auditor', 'auditor@RS-North', 'RS-North'),
    manager: principalOf('customer-manager', 'cm@C000100005', 'RS-North', 'C000100005'),
  };
  const cases: [name: string, caller: Caller, filters: Partial<AuditFilters>][] = [
    ['no filter', 'root', {}],
    ['customerId', 'root', { customerId: sample.customer_id }],
    ['customerId + type', 'root', { customerId: sample.customer_id, type: ['PackageChanged'] }],
    ['customerId + extension', 'root', { customerId: sample.customer_id, extension: 150 }],
    ['type (OrderCancelled)', 'root', { type: ['OrderCancelled'] }],
    ['type x2', 'root', { type: ['OrderApproved', 'OrderRejected'] }],
    ['actor', 'root', { actor: sample.actor }],
    ['role', 'root', { role: 'approver' }],
    ['orderNo', 'root', { orderNo: sample.order_no }],
    ['from/to (one day)', 'root', day],
    ['customerId + q', 'root', { customerId: sample.customer_id, q: 'premium' }],
    ['q', 'root', { q: 'Premium PLUS' }],
    ['asc', 'root', { order: 'asc' }],
    ['asc + customerId', 'root', { order: 'asc', customerId: sample.customer_id }],
    ['child reseller, no filter', 'child', {}],
    ['child reseller, type', 'child', { type: ['OrderFinalConfirmed'] }],
    ['customer manager, no filter', 'manager', {}],
  ];
  // Free text that matches nothing, and nothing else to narrow it: every row's summary is read (no
  // trigram index: it would slow every insert, and the embedded engine lacks pg_trgm). Measured
  // apart from the target's cases.
  const unindexed: typeof cases = [['q matching nothing, alone', 'root', { q: 'no summary says this' }]];

  const tokens = Object.fromEntries(
    await Promise.all(
      Object.entries(callers).map(async ([name, principal]) => [
        name,
        await signToken(principal, TEST_SECRET),
      ]),
    ),
  ) as Record<Caller, string>;
  const scopes = Object.fromEntries(
    await Promise.all(
      Object.entries(callers).map(async ([name, principal]) => [name, await auditScopeOf(sql, principal)]),
    ),
  ) as Record<Caller, Awaited<ReturnType<typeof auditScopeOf>>>;

  const perCase: Record<string, unknown> = {};
  const allRoute: number[] = [];
  const allSql: number[] = [];
  for (const [name, caller, filters] of [...cases, ...unindexed]) {
    const url = `${baseUrl}/api/audit?${query(filters)}`;
    const headers = { authorization: `Bearer ${tokens[caller]}` };
    let items = 0;
    // A full scan takes seconds at a million rows: a few samples say enough.
    const outlier = unindexed.some(([other]) => other === name);
    const [samples, warmUp] = outlier ? [5, 1] : [SAMPLES, WARM_UP];
    const route = await latencies(
      async () => {
        const response = await fetch(url, { headers });
        if (response.status !== 200) throw new Error(`${name}: ${response.status} ${await response.text()}`);
        items = ((await response.json()) as { items: unknown[] }).items.length;
      },
      samples,
      warmUp,
    );
    const all: AuditFilters = { order: 'desc', ...filters };
    const statement = selectAudit(
      scopes[caller],
      all,
      { limit: 51 },
      { windowFirst: await windowFirst(sql, all) },
    );
    const raw = await latencies(
      async () => void (await sql.query(statement.sql, statement.params)),
      samples,
      warmUp,
    );
    if (!outlier) {
      allRoute.push(...route);
      allSql.push(...raw);
    }
    perCase[name] = { items, route: figures(route), sql: figures(raw) };
    console.log(
      `first page ${name.padEnd(28)} route p95 ${figures(route).p95Ms} ms, SQL p95 ${figures(raw).p95Ms} ms (${items} items)`,
    );
  }
  allRoute.sort((a, b) => a - b);
  allSql.sort((a, b) => a - b);

  const exported = await peakGrowth(pid, async () => {
    const response = await fetch(`${baseUrl}/api/audit.csv`, {
      headers: { authorization: `Bearer ${tokens.root}` },
    });
    if (response.status !== 200 || !response.body) throw new Error(`export: ${response.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    return { bytes, lines };
  });
  // Every record ends in CRLF; a summary with a line break inside would add lines, and the generated one has none.
  const exportRows = exported.value.lines - 1;
  console.log(
    `CSV export:           ${exportRows} rows, ${round(exported.value.bytes / MB, 1)} MB in ${exported.ms} ms, API peak RSS +${exported.rssGrowthMb} MB`,
  );

  const copyClient = new pg.Client({ connectionString: history.url });
  await copyClient.connect();
  const copied = await measured(async () => {
    let bytes = 0;
    await pipeline(
      copyClient.query(
        copyTo(
          'COPY read_models.audit_log (position, stream_id, type, occurred_at, actor, role, customer_id, order_no, extension, summary, hash) TO STDOUT WITH (FORMAT csv, HEADER)',
        ),
      ),
      new Writable({ write: (chunk: Buffer, _encoding, done) => ((bytes += chunk.byteLength), done()) }),
    );
    return bytes;
  });
  await copyClient.end();
  const tableRows = Number(
    (await sql.query<{ n: string }>('SELECT count(*) AS n FROM read_models.audit_log')).rows[0]!.n,
  );
  console.log(
    `baseline COPY:        ${tableRows} rows, ${round(copied.value / MB, 1)} MB in ${copied.ms} ms`,
  );

  const verified = await peakGrowth(pid, async () => {
    const response = await fetch(`${baseUrl}/api/audit/verify`, {
      headers: { authorization: `Bearer ${tokens.root}` },
    });
    return (await response.json()) as { ok: boolean; checked: number };
  });
  console.log(
    `verify:               ${JSON.stringify(verified.value)} in ${verified.ms} ms, API peak RSS +${verified.rssGrowthMb} MB`,
  );

  const firstPage = { ...figures(allRoute), requests: allRoute.length };
  const exportFigures = {
    rows: exportRows,
    bytes: exported.value.bytes,
    ms: exported.ms,
    rowsPerSecond: perSecond(exportRows, exported.ms),
    rssGrowthMb: exported.rssGrowthMb,
  };
  const copyFigures = {
    rows: tableRows,
    bytes: copied.value,
    ms: copied.ms,
    rowsPerSecond: perSecond(tableRows, copied.ms),
  };
  await recordResult('audit', {
    events: head,
    history: { ...size, ...history.setupMs },
    projection: {
      what: 'customers + audit-log projected from position 0',
      ms: catchUp.ms,
      eventsPerSecond: perSecond(head, catchUp.ms),
    },
    target: TARGET,
    baseline: {
      firstPage: {
        what: "the same first page's SQL on the pool (scope resolved), every case",
        ...figures(allSql),
      },
      export: {
        what: 'COPY read_models.audit_log (the item columns) TO STDOUT WITH (FORMAT csv, HEADER), whole table',
        ...copyFigures,
      },
    },
    firstPage: {
      what: 'GET /api/audit over HTTP, first page (50 items), every case but the unindexed one',
      ...firstPage,
      unindexed: unindexed.map(([name]) => name),
      cases: perCase,
    },
    export: {
      what: 'GET /api/audit.csv, whole log in the root auditor scope, read by a client over HTTP',
      ...exportFigures,
    },
    verify: {
      what: 'GET /api/audit/verify, root auditor scope',
      ...verified.value,
      ms: verified.ms,
      rssGrowthMb: verified.rssGrowthMb,
    },
    ratio: {
      firstPageP95: round(firstPage.p95Ms / figures(allSql).p95Ms, 2),
      exportRowsPerSecond: round(exportFigures.rowsPerSecond / copyFigures.rowsPerSecond, 3),
    },
    meetsTarget: {
      firstPageP95: firstPage.p95Ms < TARGET.firstPageP95Ms,
      exportRssGrowth: exportFigures.rssGrowthMb < TARGET.exportRssGrowthMb,
    },
  });
} finally {
  if (server) await killProcess(server, 'SIGTERM');
  await sql.end();
  await history.close();
}
