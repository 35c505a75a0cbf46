/**
 * What the DecisionLoop's stream-state cache saves a command on a long customer stream
 * (`npm run bench -w @ledger/api`): loading the account by folding the whole stream (the baseline,
 * a fresh loop each time) against loading it from the cached fold plus the events since.
 * HISTORY_EVENTS_PER_CUSTOMER sizes the stream.
 */
import 'reflect-metadata';
import { customerAccountDecider } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase } from '@ledger/event-store/testing';
import { appendHistory, generateHistory } from '../src/projections/testing/ledger-history.js';
import { SystemClock } from '../src/shared/clock.js';
import { DecisionLoop } from '../src/shared/decision-loop.js';
import { recordResult } from './results.js';
import { round } from './timing.js';

const eventsPerCustomer = Number(process.env.HISTORY_EVENTS_PER_CUSTOMER ?? 5_000);
const LOADS = 50;

const database = await createTestDatabase();
const store = await PostgresEventStore.connect({ connectionString: database.url, listen: false });
try {
  const history = generateHistory({ customers: 1, eventsPerCustomer, seed: 7 });
  await appendHistory(store, history, 100);
  const [customer] = (await store.readAll({ maxCount: 10, filter: { streamPrefix: 'customer-' } })).map((e) => e.streamId);
  if (!customer) throw new Error('the generated history has no customer stream');
  const length = (await store.readStream(customer)).length;

  const loadsPerSecond = async (loopFor: () => DecisionLoop): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < LOADS; i++) await loopFor().load(customer, customerAccountDecider);
    return (LOADS * 1000) / (performance.now() - started);
  };
  const fullFold = await loadsPerSecond(() => new DecisionLoop(store, new SystemClock()));
  const cachedLoop = new DecisionLoop(store, new SystemClock());
  await cachedLoop.load(customer, customerAccountDecider);
  const cached = await loadsPerSecond(() => cachedLoop);

  console.log(`customer stream: ${length} events (one customer of a generated history)`);
  console.log(`full fold:         ${fullFold.toFixed(1)} loads/s`);
  console.log(`cached fold:       ${cached.toFixed(1)} loads/s`);
  console.log(`cached / full:     ${(cached / fullFold).toFixed(1)}x`);
  await recordResult('commandLoad', {
    streamEvents: length,
    loads: LOADS,
    baseline: {
      what: 'load by folding the whole stream (a fresh DecisionLoop each time)',
      loadsPerSecond: round(fullFold, 1),
    },
    cached: { what: 'load from the cached fold plus the events since', loadsPerSecond: round(cached, 1) },
    ratio: round(cached / fullFold, 2),
  });
} finally {
  await store.close();
  await database.drop();
}
