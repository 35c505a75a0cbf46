/**
 * Catch-up rate of the projector (`npm run bench -w @ledger/api` (or `npm run bench` for every benchmark)): a generated history of realistic
 * domain events is appended to a fresh database, then read back raw with readAll (the baseline:
 * no projection can be faster than reading) and projected into every read model from position 0.
 * Prints both rates and their ratio. HISTORY_CUSTOMERS and HISTORY_EVENTS_PER_CUSTOMER size it.
 */
import 'reflect-metadata';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase } from '@ledger/event-store/testing';
import { PROJECTIONS } from '../src/projections/projections.js';
import { appendHistory, generateHistory } from '../src/projections/testing/ledger-history.js';
import { openReadModels, projectToHead } from '../src/projections/testing/read-model-testing.js';

const customers = Number(process.env.HISTORY_CUSTOMERS ?? 200);
const eventsPerCustomer = Number(process.env.HISTORY_EVENTS_PER_CUSTOMER ?? 250);

const rate = (events: number, ms: number): number => Math.round((events * 1000) / ms);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const database = await createTestDatabase();
const store = await PostgresEventStore.connect({ connectionString: database.url });
const readModels = await openReadModels(database.url);
try {
  const history = generateHistory({ customers, eventsPerCustomer, seed: 1 });
  await appendHistory(store, history, 100);
  const head = await store.headPosition();

  const readMs = await timed(async () => {
    for (let after = 0; after < head; ) after = (await store.readAll({ after, maxCount: 500 })).at(-1)?.position ?? head;
  });
  const projectMs = await timed(() => projectToHead(store, readModels.pool, 600_000));

  const baseline = rate(head, readMs);
  const catchUp = rate(head, projectMs);
  console.log(`events: ${head} (${customers} customers, ${PROJECTIONS.length} projections, batches of up to 2000)`);
  console.log(`baseline readAll:      ${baseline} events/s (${Math.round(readMs)} ms)`);
  console.log(`projector catch-up:    ${catchUp} events/s (${Math.round(projectMs)} ms)`);
  console.log(`catch-up / baseline:   ${(catchUp / baseline).toFixed(3)}`);
} finally {
  await store.close();
  await readModels.close();
  await database.drop();
}
