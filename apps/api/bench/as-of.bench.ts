/**
 * The account of a 5,000-event customer as of a moment (`npm run bench -w @ledger/api`; issue 14's
 * target: under 50 ms), as the API answers it (customerAsOf): the customer's stream read from the
 * start through the event store port, a page at a time, up to the moment, folded with the domain's
 * own fold, shown as inventory rows, users and open orders. `cold` is a customer's first as-of (from
 * the first event); `warm` starts from the folded prefixes an earlier as-of of that customer kept
 * (AsOfCheckpoints), as every later as-of in the API does. The baseline is the raw readStream of the
 * whole stream through the port. The moments are the times of the events at 10%, 50% and 90% of the
 * stream, and one after its last event.
 * HISTORY_CUSTOMERS sizes the history (default 4 customers of ~5,000 events each, ~25,000 events with
 * the resellers and order numbers; HISTORY_CUSTOMERS=200 makes a history of about 1,000,000 events,
 * which takes tens of minutes to generate and append) and HISTORY_EVENTS_PER_CUSTOMER each customer.
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import {
  customerAccountDecider,
  type CustomerEvent,
  customerIdOfStream,
  fold,
  readRecorded,
} from '@ledger/domain';
import { occurredAtOf } from '../src/queries/customer-as-of/events-up-to.js';
import { AsOfCheckpoints } from '../src/queries/customer-as-of/as-of-checkpoints.js';
import { AS_OF_PAGE, customerAsOf } from '../src/queries/customer-as-of/customer-as-of.query.js';
import { historySize, recordHistory } from './recorded-history.js';
import { recordResult } from './results.js';
import { percentile, round } from './timing.js';

const TARGET_MS = 50;
const RUNS = 40;

interface Timing {
  readonly medianMs: number;
  readonly p95Ms: number;
}

/** Median and p95 of RUNS runs of `work`, after a few to warm up. */
async function timing(work: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: round(percentile(ms, 0.5), 2), p95Ms: round(percentile(ms, 0.95), 2) };
}

const size = historySize({ customers: 4, eventsPerCustomer: 5_000 });
const history = await recordHistory(size);
try {
  const { store, head } = history;
  const [first] = await store.readAll({ maxCount: 1, filter: { streamPrefix: 'customer-' } });
  const customerId = first && customerIdOfStream(first.streamId);
  if (!first || !customerId) throw new Error('the generated history has no customer stream');
  const stream = await store.readStream(first.streamId);
  const timeAt = (fraction: number) =>
    occurredAtOf(stream[Math.floor(fraction * (stream.length - 1))] ?? first);
  console.log(
    `history: ${head} events (${size.customers} customers); ${customerId}: ${stream.length} events`,
  );

  const baseline = await timing(() => store.readStream(first.streamId));
  console.log(`baseline readStream (whole stream): median ${baseline.medianMs} ms, p95 ${baseline.p95Ms} ms`);
  const events = stream.map((event) => readRecorded(event) as CustomerEvent);
  const foldAlone = await timing(async () => fold(customerAccountDecider, events));
  console.log(
    `fold alone (events already read):   median ${foldAlone.medianMs} ms, p95 ${foldAlone.p95Ms} ms`,
  );

  const moments = { at10: timeAt(0.1), at50: timeAt(0.5), at90: timeAt(0.9), afterLast: timeAt(1) + 1 };
  // The API's path: prefixes kept by earlier as-of reads of this customer (here one, at the end of the stream).
  const checkpoints = new AsOfCheckpoints();
  await customerAsOf(store, customerId, new Date(moments.afterLast), checkpoints);
  const cold: Record<string, Timing & { at: string }> = {};
  const warm: Record<string, Timing & { at: string }> = {};
  for (const [name, at] of Object.entries(moments)) {
    const iso = new Date(at).toISOString();
    cold[name] = { at: iso, ...(await timing(() => customerAsOf(store, customerId, new Date(at)))) };
    warm[name] = {
      at: iso,
      ...(await timing(() => customerAsOf(store, customerId, new Date(at), checkpoints))),
    };
    console.log(
      `as-of ${name.padEnd(9)}: first of the customer median ${cold[name]?.medianMs} ms, p95 ${cold[name]?.p95Ms} ms; from kept prefixes median ${warm[name]?.medianMs} ms, p95 ${warm[name]?.p95Ms} ms`,
    );
  }
  const whole = cold.afterLast ?? { medianMs: Number.NaN, p95Ms: Number.NaN };
  console.log(
    `as-of of the whole stream, first time / readStream: ${round(whole.medianMs / baseline.medianMs, 2)} (target < ${TARGET_MS} ms)`,
  );

  await recordResult('asOf', {
    history: { ...size, events: head, ...history.setupMs },
    streamEvents: stream.length,
    pageEvents: AS_OF_PAGE,
    target: { ms: TARGET_MS },
    baseline: { what: 'readStream of the whole customer stream through the event store port', ...baseline },
    foldAlone: { what: "the domain's fold over the whole stream, already read", ...foldAlone },
    cold: {
      what: "customerAsOf with no kept prefix (a customer's first as-of): paged readStream up to the moment + fold + view",
      ...cold,
    },
    warm: {
      what: 'customerAsOf from the prefixes an earlier as-of of the customer kept (the API path after its first as-of)',
      ...warm,
    },
    ratio: {
      coldWholeStream: round(whole.medianMs / baseline.medianMs),
      warmWholeStream: round((warm.afterLast?.medianMs ?? Number.NaN) / baseline.medianMs),
    },
    // The machine is shared: its load during the run says how far the figures stretch.
    loadAverage: loadavg().map((load) => round(load, 2)),
    meetsTarget: {
      cold: Object.fromEntries(Object.entries(cold).map(([name, t]) => [name, t.p95Ms < TARGET_MS])),
      warm: Object.fromEntries(Object.entries(warm).map(([name, t]) => [name, t.p95Ms < TARGET_MS])),
    },
  });
} finally {
  await history.close();
}
