/**
 * Command throughput over HTTP (`npm run bench -w @ledger/api`): the whole API in-process on the
 * real PostgreSQL with its projector, HTTP_WRITERS clients (default 32) adding HTTP_ADDS users
 * (default 1,000) over 10 customers at once, every add valid. Counts the commands per second and
 * how many were refused with 409 concurrency-conflict (the target is none: commands of one process
 * take turns per stream, so only other processes can conflict). The baseline is one writer doing
 * the same, so the ratio says what concurrency buys.
 */
import 'reflect-metadata';
import { actors, confirmedOrder, item, onboard, VERTICAL_DEMO } from '../src/testing/seed-fixtures.js';
import { startTestApp, type Caller } from '../src/testing/test-app.js';
import { recordResult } from './results.js';
import { measured, percentile, round } from './timing.js';

const WRITERS = Number(process.env.HTTP_WRITERS ?? 32);
const ADDS = Number(process.env.HTTP_ADDS ?? 1_000);
const CUSTOMERS = 10;
const BASIC = 'Basic User With VM';
const customerIdOf = (n: number) => `C${String(400_000 + n).padStart(9, '0')}`;
// A site holds extensions 100-299: 200 users per customer, so each run uses its own customers.
const PER_RUN = 2 * Math.ceil(ADDS / CUSTOMERS);

// Load, not abuse: the per-token limit would otherwise answer most of these with 429.
const app = await startTestApp({ app: { rateLimits: { perToken: { limit: 1_000_000, ttlMs: 1_000 }, perIp: { limit: 1_000_000, ttlMs: 1_000 } } } });
try {
  await onboard(app);
  const who = await actors(app);

  /** `writers` clients adding `ADDS` users over fresh customers `first..first+CUSTOMERS-1`. */
  const run = async (writers: number, first: number) => {
    for (let n = first; n < first + CUSTOMERS; n++) {
      const customerId = customerIdOf(n);
      const registered = await who.admin.post('/api/customers', { ...VERTICAL_DEMO, customerId, name: `Writers ${n}` });
      if (registered.status !== 201) throw new Error(`customer ${customerId}: ${registered.status} ${JSON.stringify(registered.body)}`);
      await confirmedOrder(who, customerId, [item(BASIC, PER_RUN)]);
    }
    const statuses = new Map<string, number>();
    const latencies: number[] = [];
    let next = 0;
    const writer = async (caller: Caller) => {
      for (let k = next++; k < ADDS; k = next++) {
        const customerId = customerIdOf(first + (k % CUSTOMERS));
        const extension = 100 + Math.floor(k / CUSTOMERS);
        const started = performance.now();
        const response = await caller.post(`/api/customers/${customerId}/users`, {
          extension,
          name: `User ${extension}`,
          site: VERTICAL_DEMO.sites[0]?.name,
          portalId: `${extension}@writers.example`,
          email: `u${extension}@example.com`,
          package: BASIC,
        });
        latencies.push(performance.now() - started);
        const key = response.status === 201 ? '201' : `${response.status} ${(response.body as { type?: string }).type ?? ''}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    };
    const { ms, nodeCpuShare } = await measured(() => Promise.all(Array.from({ length: writers }, () => writer(who.admin))));
    latencies.sort((a, b) => a - b);
    return {
      writers,
      commandsPerSecond: Math.round((ADDS * 1000) / ms),
      recorded: statuses.get('201') ?? 0,
      refusedAsConflict: statuses.get('409 /api/problems/concurrency-conflict') ?? 0,
      statuses: Object.fromEntries(statuses),
      p50Ms: round(percentile(latencies, 0.5), 1),
      p99Ms: round(percentile(latencies, 0.99), 1),
      ms,
      nodeCpuShare,
    };
  };

  const single = await run(1, 0);
  console.log(`1 writer:   ${JSON.stringify(single)}`);
  const concurrent = await run(WRITERS, CUSTOMERS);
  console.log(`${WRITERS} writers: ${JSON.stringify(concurrent)}`);
  await recordResult('httpWriters', {
    adds: ADDS,
    customers: CUSTOMERS,
    baseline: { what: 'the same user adds by one writer, same app and run', ...single },
    concurrent,
    ratio: round(concurrent.commandsPerSecond / single.commandsPerSecond, 2),
    targets: { commandsPerSecond: 1_000, refusedAsConflict: 0 },
  });
} finally {
  await app.close();
}
