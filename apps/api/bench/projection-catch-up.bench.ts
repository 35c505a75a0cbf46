/**
 * Catch-up rate of the projector (`npm run bench -w @ledger/api` (or `npm run bench` for every benchmark)): a generated history of realistic
 * domain events is appended to a fresh database, then read back raw with readAll (the baseline:
 * no projection can be faster than reading) and projected into every read model from position 0.
 * Prints both rates and their ratio. HISTORY_CUSTOMERS and HISTORY_EVENTS_PER_CUSTOMER size it.
 */
import 'reflect-metadata';
import { PROJECTIONS } from '../src/projections/projections.js';
import { projectToHead } from '../src/projections/testing/read-model-testing.js';
import { historySize, recordHistory } from './recorded-history.js';
import { recordResult } from './results.js';
import { perSecond, round, timed } from './timing.js';

const size = historySize({ customers: 200, eventsPerCustomer: 250 });

const history = await recordHistory(size);
try {
  const { store, head } = history;
  const readMs = await timed(async () => {
    for (let after = 0; after < head;)
      after = (await store.readAll({ after, maxCount: 500 })).at(-1)?.position ?? head;
  });
  const projectMs = await timed(() => projectToHead(store, history.readModels.pool, 600_000));

  const baseline = perSecond(head, readMs);
  const catchUp = perSecond(head, projectMs);
  console.log(
    `events: ${head} (${size.customers} customers, ${PROJECTIONS.length} projections, batches of up to 2000)`,
  );
  console.log(`baseline readAll:      ${baseline} events/s (${Math.round(readMs)} ms)`);
  console.log(`projector catch-up:    ${catchUp} events/s (${Math.round(projectMs)} ms)`);
  console.log(`catch-up / baseline:   ${(catchUp / baseline).toFixed(3)}`);
  await recordResult('projectionCatchUp', {
    events: head,
    history: size,
    baseline: {
      what: 'readAll from 0 to the head, 500 at a time',
      ms: Math.round(readMs),
      eventsPerSecond: baseline,
    },
    catchUp: {
      what: 'projectToHead: the projector from position 0 into every read model',
      ms: Math.round(projectMs),
      eventsPerSecond: catchUp,
    },
    ratio: round(catchUp / baseline),
  });
} finally {
  await history.close();
}
