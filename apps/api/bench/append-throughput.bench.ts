/**
 * Append throughput of our PostgreSQL store against the TypeScript peer and the database itself
 * (`npm run bench -w @ledger/api`), one run with the legs interleaved round by round so they share
 * the machine's state: our store, @event-driven-io/emmett-postgresql 0.42 (bench/emmett), and raw
 * INSERTs of one row and of 100 rows per statement, each at 16 (and some at 1) in flight, 1 and 10
 * events per append, over 2,000 streams with the expected revision tracked. Medians of the rounds;
 * p50/p99 latency of each append. APPEND_ROUNDS and APPEND_COUNT size it.
 */
import { randomUUID } from 'node:crypto';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the peer this benchmark measures against; only bench code imports it
import { getPostgreSQLEventStore } from '@ledger/bench-emmett';
import { type NewEvent, PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase } from '@ledger/event-store/testing';
import pg from 'pg';
import { recordResult } from './results.js';
import { percentile, perSecond, round } from './timing.js';

const ROUNDS = Number(process.env.APPEND_ROUNDS ?? 3);
const APPENDS = Number(process.env.APPEND_COUNT ?? 4_000);
const STREAMS = 2_000;

interface Leg {
  readonly name: string;
  readonly inFlight: number;
  readonly eventsPerAppend: number;
  /** How many appends a round makes (fewer for the slow and the big legs). */
  readonly appends: number;
  /** Appends `events` to stream number `stream`, whose revision before is `revision` (-1: new). */
  append(stream: number, revision: number, events: readonly NewEvent[]): Promise<void>;
}

interface LegRun {
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'UserAdded',
  data: { customerId: 'C000000150', extension: 297, name: '9240 Demo', site: 'Vertical Demo', package: 'Basic User With VM' },
  metadata: { actor: 'bench@ledger', role: 'customer-manager', occurredAt: new Date().toISOString(), correlationId: 'bench', causationId: 'bench', schemaVersion: 1 },
});

/** `inFlight` workers, each appending in turn to its own share of the streams (no conflicts between them). */
async function run(leg: Leg): Promise<LegRun> {
  const revisions = new Map<number, number>();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: leg.inFlight }, async () => {
      for (let k = next++; k < leg.appends; k = next++) {
        const stream = k % STREAMS;
        const events = Array.from({ length: leg.eventsPerAppend }, event);
        const t = performance.now();
        await leg.append(stream, revisions.get(stream) ?? -1, events);
        latencies.push(performance.now() - t);
        revisions.set(stream, (revisions.get(stream) ?? -1) + events.length);
      }
    }),
  );
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { eventsPerSecond: perSecond(leg.appends * leg.eventsPerAppend, ms), p50Ms: round(percentile(latencies, 0.5), 2), p99Ms: round(percentile(latencies, 0.99), 2) };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const database = await createTestDatabase();
const ours = await PostgresEventStore.connect({ connectionString: database.url, poolMax: 16, listen: false });
const emmett = getPostgreSQLEventStore(database.url);
const raw = new pg.Pool({ connectionString: database.url, max: 16 });
await raw.query('CREATE TABLE bench_raw (id bigserial PRIMARY KEY, stream_id text NOT NULL, event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)');

try {
  const legs = (round: number): Leg[] => {
    const name = (stream: number) => `bench-${round}-${stream}`;
    const oursLeg = (inFlight: number, eventsPerAppend: number, tag: string): Leg => ({
      name: `ours ${eventsPerAppend}x${inFlight}`,
      inFlight,
      eventsPerAppend,
      appends: inFlight === 1 ? APPENDS / 4 : APPENDS,
      append: async (stream, revision, events) => {
        await ours.appendToStream(`${tag}-${name(stream)}`, events, revision < 0 ? 'no-stream' : revision);
      },
    });
    const emmettLeg = (inFlight: number, eventsPerAppend: number, tag: string): Leg => ({
      name: `emmett ${eventsPerAppend}x${inFlight}`,
      inFlight,
      eventsPerAppend,
      appends: inFlight === 1 ? APPENDS / 4 : APPENDS,
      append: async (stream, revision, events) => {
        await emmett.appendToStream(
          `${tag}-${name(stream)}`,
          events.map(({ type, data, metadata }) => ({ type, data, metadata })),
          { expectedStreamVersion: revision < 0 ? 'STREAM_DOES_NOT_EXIST' : BigInt(revision + 1) },
        );
      },
    });
    const rawLeg = (rows: number): Leg => ({
      name: `raw INSERT ${rows} row${rows > 1 ? 's' : ''} x16`,
      inFlight: 16,
      eventsPerAppend: rows,
      appends: rows > 1 ? APPENDS / 10 : APPENDS,
      append: async (stream, _revision, events) => {
        const values = events.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`).join(', ');
        const params = events.flatMap((e) => [name(stream), e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)]);
        await raw.query(`INSERT INTO bench_raw (stream_id, event_id, type, data, metadata) VALUES ${values}`, params);
      },
    });
    return [
      oursLeg(16, 1, 'o1'),
      emmettLeg(16, 1, 'e1'),
      rawLeg(1),
      oursLeg(16, 10, 'o10'),
      emmettLeg(16, 10, 'e10'),
      rawLeg(100),
      oursLeg(1, 1, 'o1s'),
      emmettLeg(1, 1, 'e1s'),
    ];
  };

  const runs = new Map<string, LegRun[]>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const leg of legs(r)) {
      const result = await run(leg);
      runs.set(leg.name, [...(runs.get(leg.name) ?? []), result]);
      console.log(`round ${r + 1} ${leg.name.padEnd(24)} ${String(result.eventsPerSecond).padStart(7)} events/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms`);
    }
  }
  const summary = Object.fromEntries(
    [...runs].map(([name, results]) => [
      name,
      { eventsPerSecond: median(results.map((r) => r.eventsPerSecond)), p50Ms: median(results.map((r) => r.p50Ms)), p99Ms: median(results.map((r) => r.p99Ms)) },
    ]),
  );
  const rate = (name: string) => summary[name]?.eventsPerSecond ?? Number.NaN;
  console.table(summary);
  const common = { appends: APPENDS, streams: STREAMS, rounds: ROUNDS, legs: summary };
  await recordResult('appendVsEmmett', {
    ...common,
    baseline: { what: '@event-driven-io/emmett-postgresql 0.42 appendToStream, same database, same run, medians', ...summary['emmett 1x16'] },
    ratio: {
      oneEventSixteenInFlight: round(rate('ours 1x16') / rate('emmett 1x16'), 2),
      tenEventsSixteenInFlight: round(rate('ours 10x16') / rate('emmett 10x16'), 2),
      oneEventOneInFlight: round(rate('ours 1x1') / rate('emmett 1x1'), 2),
    },
    targets: { oneEventSixteenInFlight: 3, tenEventsSixteenInFlight: 1.5, p99MsAtSixteenInFlight: 20 },
  });
  await recordResult('appendVsRawInsert', {
    ...common,
    baseline: { what: 'raw INSERT of 1 row (and of 100 rows) per autocommit statement, 16 connections', ...summary['raw INSERT 1 row x16'] },
    ratio: {
      oneEventVsOneRowInsert: round(rate('ours 1x16') / rate('raw INSERT 1 row x16'), 2),
      tenEventsVsHundredRowInsert: round(rate('ours 10x16') / rate('raw INSERT 100 rows x16'), 2),
    },
    targets: { oneEventVsOneRowInsert: 1, tenEventsVsHundredRowInsert: 0.5 },
  });
} finally {
  await ours.close();
  await emmett.close();
  await raw.end();
  await database.drop();
}
