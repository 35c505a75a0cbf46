/**
 * Replaying a generated history into the read models, against moving its events as raw rows
 * (`npm run bench -w @ledger/api`). The baseline is a raw COPY of the same events into a table of
 * their shape (copy-events.ts); then the projector catches up from zero into every read model
 * (`catchUpVsCopy`), then each read model is rebuilt over the same history as an operator's rebuild
 * does it, into shadow tables swapped in (`rebuild`). HISTORY_CUSTOMERS and HISTORY_EVENTS_PER_CUSTOMER
 * size it; the default (about 250,000 events) takes about 3 minutes on a 2-core machine, where a million
 * (HISTORY_CUSTOMERS=3200) takes 11 and 2.9 GB of memory.
 */
import 'reflect-metadata';
import { PROJECTIONS } from '../src/projections/projections.js';
import { rebuildProjection } from '../src/projections/rebuild.js';
import { projectToHead, quietLog } from '../src/projections/testing/read-model-testing.js';
import { copyEvents } from './copy-events.js';
import { historySize, recordHistory } from './recorded-history.js';
import { recordResult } from './results.js';
import { measured, perSecond, round } from './timing.js';

const size = historySize({ customers: 800, eventsPerCustomer: 250 });
// A catch-up of a million events takes minutes; the timeout only stops a projector that is stuck.
const CATCH_UP_TIMEOUT_MS = 3_600_000;

const history = await recordHistory(size);
try {
  const { store, head, url } = history;
  const { pool } = history.readModels;
  console.log(
    `history: ${head} events (${size.customers} customers), generated in ${history.setupMs.generateMs} ms, appended in ${history.setupMs.appendMs} ms`,
  );

  const copied = await copyEvents(url);
  if (copied.rows !== head) throw new Error(`COPY moved ${copied.rows} rows, the history has ${head}`);
  const baseline = {
    what: 'COPY event_store.events TO STDOUT piped into COPY FROM STDIN of a table LIKE it INCLUDING ALL',
    ms: Math.round(copied.ms),
    eventsPerSecond: perSecond(head, copied.ms),
  };
  console.log(`baseline COPY:         ${baseline.eventsPerSecond} events/s (${baseline.ms} ms)`);

  const catchUp = await measured(() => projectToHead(store, pool, CATCH_UP_TIMEOUT_MS));
  const catchUpRate = perSecond(head, catchUp.ms);
  console.log(
    `projector catch-up:    ${catchUpRate} events/s (${catchUp.ms} ms, node CPU ${catchUp.nodeCpuShare})`,
  );
  console.log(`catch-up / COPY:       ${round(catchUpRate / baseline.eventsPerSecond)}`);
  await recordResult('catchUpVsCopy', {
    events: head,
    history: { ...size, ...history.setupMs },
    projections: PROJECTIONS.map((p) => p.name),
    baseline,
    catchUp: {
      what: 'projectToHead: the projector from position 0 into every read model',
      ...catchUp,
      eventsPerSecond: catchUpRate,
    },
    ratio: round(catchUpRate / baseline.eventsPerSecond),
  });

  const rebuilds: Record<string, { ms: number; eventsPerSecond: number; nodeCpuShare: number }> = {};
  for (const projection of PROJECTIONS) {
    const rebuild = await measured(() => rebuildProjection(store, pool, projection, quietLog));
    rebuilds[projection.name] = { ...rebuild, eventsPerSecond: perSecond(head, rebuild.ms) };
    console.log(
      `rebuild ${projection.name.padEnd(18)} ${perSecond(head, rebuild.ms)} events/s (${rebuild.ms} ms)`,
    );
  }
  const ratios = Object.entries(rebuilds).map(([name, figures]) => [
    name,
    round(figures.eventsPerSecond / baseline.eventsPerSecond),
  ]);
  await recordResult('rebuild', {
    events: head,
    history: { ...size },
    baseline,
    projections: rebuilds,
    ratio: Object.fromEntries(ratios),
  });
} finally {
  await history.close();
}
