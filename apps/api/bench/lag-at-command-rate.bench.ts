/**
 * How far the read models trail the commands under a steady load (`npm run bench -w @ledger/api`):
 * the whole API in-process on the real PostgreSQL, its projector in-process, commands sent over
 * HTTP at LAG_RATE per second (default 1,000) by LAG_CLIENTS clients for LAG_SECONDS. The lag of a
 * command is the time from its answer (which carries its `position`) until every read model's
 * checkpoint has reached that position. The baseline is the same measure under a trickle (one
 * client, 20 per second), so the ratios say what the load costs the freshness of reads.
 */
import 'reflect-metadata';
import { names } from '../src/projections/testing/read-model-testing.js';
import { startTestApp } from '../src/testing/test-app.js';
import { CheckpointWatch } from './checkpoint-watch.js';
import { commandCycle, customerIdOf, seedCustomers, sendRetrying } from './command-cycle.js';
import { type Ack, drivePaced, type Pace } from './paced-load.js';
import { recordResult } from './results.js';
import { measured, percentile, round } from './timing.js';

const load: Pace = {
  rate: Number(process.env.LAG_RATE ?? 1000),
  seconds: Number(process.env.LAG_SECONDS ?? 20),
  // More clients only queue on a 2-core machine: 4 to 8 answered the most commands per second.
  clients: Number(process.env.LAG_CLIENTS ?? 8),
};
const trickle: Pace = { rate: 20, seconds: 5, clients: 1 };
const DRAIN_MS = 60_000;

const app = await startTestApp({ projector: { mode: 'in-process' } });
try {
  const caller = await seedCustomers(app, load.clients);
  const cycles = Array.from({ length: load.clients }, (_, client) => commandCycle(customerIdOf(client)));

  const run = async (pace: Pace) => {
    const watch = await CheckpointWatch.open(app.database.url, names);
    try {
      let conflicts = 0;
      const send = async (client: number) => {
        const sent = await sendRetrying(cycles[client]!.next().value, caller);
        conflicts += sent.conflicts;
        if (sent.response.status >= 300)
          console.error(`${sent.response.status} ${JSON.stringify(sent.response.body)}`);
        return { status: sent.response.status, position: sent.response.body.position };
      };
      const {
        value: acks,
        ms,
        nodeCpuShare,
      } = await measured(() =>
        drivePaced(pace, send, (ack) => {
          if (ack.position !== undefined) watch.expect(ack.position, ack.at);
        }),
      );
      await watch.drained(DRAIN_MS);
      return { ...summary(pace, acks, ms, watch.lagsMs), conflictsRetried: conflicts, nodeCpuShare };
    } finally {
      await watch.close();
    }
  };

  const baseline = await run(trickle);
  console.log(`trickle: ${JSON.stringify(baseline)}`);
  const loaded = await run(load);
  console.log(`load:    ${JSON.stringify(loaded)}`);
  await recordResult('lagAtCommandRate', {
    what: 'ms from a command answer until every read model has its position; the API, its projector and the clients in one process',
    ...loaded,
    baseline,
    ratio: {
      achievedOverTargetRate: round(loaded.achievedRate / load.rate),
      lagP50OverBaseline: round(loaded.lagMs.p50 / baseline.lagMs.p50),
      lagP99OverBaseline: round(loaded.lagMs.p99 / baseline.lagMs.p99),
    },
  });
} finally {
  await app.close();
}

function summary(pace: Pace, acks: readonly Ack[], ms: number, lagsMs: readonly number[]) {
  const quantiles = (values: readonly number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return {
      p50: round(percentile(sorted, 0.5), 1),
      p99: round(percentile(sorted, 0.99), 1),
      max: round(sorted.at(-1) ?? Number.NaN, 1),
    };
  };
  const failed = acks.filter((ack) => ack.status >= 300).map((ack) => ack.status);
  return {
    ...pace,
    commands: acks.length,
    failed: failed.length,
    achievedRate: round((acks.length - failed.length) / (ms / 1000), 1),
    lagMs: { measured: lagsMs.length, ...quantiles(lagsMs) },
    commandLatencyMs: quantiles(acks.map((ack) => ack.latencyMs)),
  };
}
