/**
 * Billing reconciliation of one customer-month (`npm run bench -w @ledger/api`), issue 14's target:
 * p95 under 50 ms on a generated history of 1,000,000 events. The history (realistic domain events
 * through the deciders) is spread over two years whatever its size, projected, and given the
 * carrier's monthly invoices (one import a month for the whole ledger: each customer's licenses
 * billable in the month, at a full month's price, so differences arise as they would). Then
 * `customerReconciliation` (what GET /api/customers/{id}/reconciliation runs after its scope check)
 * is timed on random customer-months and on every month of the customer with the most licenses.
 * The baseline is the two SQL reads it makes, run raw on the same customer-months.
 * HISTORY_CUSTOMERS and HISTORY_EVENTS_PER_CUSTOMER size it: the default (200 x 250, about 60,000
 * events) takes under a minute; HISTORY_CUSTOMERS=3200 gives the issue's million events (about 12
 * minutes, most of it generating, appending and projecting them), and HISTORY_CUSTOMERS=200
 * HISTORY_EVENTS_PER_CUSTOMER=5000 a million in long customers (hundreds of licenses each).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  addDays,
  fromDayNumber,
  type ImportInvoice,
  invoiceDecider,
  invoiceStream,
  monthDays,
  toEnvelope,
} from '@ledger/domain';
import type { JsonObject } from '@ledger/event-store';
import type { Pool } from 'pg';
import { principalOf } from '../src/auth/principal.js';
import { projectToHead } from '../src/projections/testing/read-model-testing.js';
import { customerReconciliation } from '../src/queries/reconciliation/customer-reconciliation.query.js';
import { SELECT_INVOICED, SELECT_PERIODS } from '../src/queries/reconciliation/month-billing.query.js';
import { resellerReconciliation } from '../src/queries/reconciliation/reseller-reconciliation.query.js';
import { historySize, recordHistory } from './recorded-history.js';
import { recordResult } from './results.js';
import { measured, percentile, round } from './timing.js';

const size = historySize({ customers: 200, eventsPerCustomer: 250 });
const TWO_YEARS_S = 2 * 365 * 86_400;
const TARGET_P95_MS = 50;
const SAMPLES = 300;
const CATCH_UP_TIMEOUT_MS = 3_600_000;

/** A small deterministic PRNG, so a run samples the same customer-months as the last one of its size. */
const random = (() => {
  let seed = 12345;
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
})();

const monthsBetween = (first: string, last: string): string[] => {
  const months: string[] = [];
  for (
    let day = `${first}-01`;
    day.slice(0, 7) <= last;
    day = addDays(day, monthDays(day.slice(0, 7)).length)
  )
    months.push(day.slice(0, 7));
  return months;
};

/** The carrier's invoice of `month` for every customer: the licenses billable in it, each at a full month's price. */
async function monthlyInvoice(
  pool: Pool,
  month: string,
  packages: readonly string[],
  customers: readonly string[],
): Promise<ImportInvoice> {
  const days = monthDays(month);
  const billed = await pool.query<{ customer_id: string; package: string; quantity: number; amount: string }>(
    `SELECT customer_id, package, count(*)::int AS quantity, sum(customer_price)::text AS amount FROM read_models.license_periods
      WHERE billing_start < $2::date AND (end_date IS NULL OR end_date > $1::date) AND billing_start < coalesce(end_date, 'infinity')
      GROUP BY customer_id, package ORDER BY customer_id, package`,
    [fromDayNumber(days.first), fromDayNumber(days.end)],
  );
  const rows = [
    { line: 1, cells: ['customerId', 'package', 'quantity', 'period', 'amount'] },
    ...billed.rows.map((row, index) => ({
      line: index + 2,
      cells: [row.customer_id, row.package, String(row.quantity), month, row.amount],
    })),
  ];
  const invoiceId = randomUUID();
  const metadata = {
    actor: 'analyst@RS-Vertical',
    role: 'billing-analyst' as const,
    now: `${fromDayNumber(days.end)}T09:00:00.000Z`,
    correlationId: invoiceId,
    causationId: invoiceId,
  };
  return {
    type: 'ImportInvoice',
    data: {
      invoiceId,
      resellerId: 'RS-Vertical',
      fileName: `carrier-${month}.csv`,
      format: 'csv',
      rows,
      visibleCustomers: customers,
      packages,
    },
    metadata,
  };
}

const stats = (ms: readonly number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50Ms: round(percentile(sorted, 0.5), 2),
    p95Ms: round(percentile(sorted, 0.95), 2),
    maxMs: round(sorted.at(-1) ?? 0, 2),
  };
};

async function timeEach<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await work(item);
    ms.push(performance.now() - started);
  }
  return ms;
}

const history = await recordHistory(size, 1, TWO_YEARS_S / (size.customers * size.eventsPerCustomer));
try {
  const { store } = history;
  const { pool } = history.readModels;
  console.log(
    `history: ${history.head} events (${size.customers} customers), generated in ${history.setupMs.generateMs} ms, appended in ${history.setupMs.appendMs} ms`,
  );
  const projected = await measured(() => projectToHead(store, pool, CATCH_UP_TIMEOUT_MS));
  console.log(`projected in ${projected.ms} ms`);

  const customers = (
    await pool.query<{ customer_id: string }>(
      'SELECT customer_id FROM read_models.customers ORDER BY customer_id',
    )
  ).rows.map((r) => r.customer_id);
  const packages = (
    await pool.query<{ package: string }>('SELECT DISTINCT package FROM read_models.license_periods')
  ).rows.map((r) => r.package);
  const span = (
    await pool.query<{ first: string; last: string }>(
      'SELECT min(billing_start)::text AS first, max(billing_start)::text AS last FROM read_models.license_periods',
    )
  ).rows[0];
  if (!span?.first || !span.last) throw new Error('the history holds no license');
  const months = monthsBetween(span.first.slice(0, 7), span.last.slice(0, 7));
  let invoiceLines = 0;
  for (const month of months) {
    const command = await monthlyInvoice(pool, month, packages, customers);
    const [event] = invoiceDecider.decide(command, invoiceDecider.initialState());
    if (!event) throw new Error(`the invoice of ${month} recorded nothing`);
    invoiceLines += event.data.lines.length;
    const envelope = toEnvelope(event, command.metadata);
    await store.appendToStream(
      invoiceStream(event.data.invoiceId),
      [
        {
          id: randomUUID(),
          type: envelope.type,
          data: envelope.data as unknown as JsonObject,
          metadata: { ...envelope.metadata },
        },
      ],
      'no-stream',
    );
  }
  await projectToHead(store, pool, CATCH_UP_TIMEOUT_MS);
  console.log(`invoices: ${months.length} months (${months[0]} to ${months.at(-1)}), ${invoiceLines} lines`);

  const heaviest = (
    await pool.query<{ customer_id: string; periods: number }>(
      'SELECT customer_id, count(*)::int AS periods FROM read_models.license_periods GROUP BY customer_id ORDER BY 2 DESC LIMIT 1',
    )
  ).rows[0];
  if (!heaviest) throw new Error('no customer holds a license');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sample = Array.from({ length: SAMPLES }, () => ({
    customerId: pick(customers),
    month: pick(months),
  }));
  const heavy = months.map((month) => ({ customerId: heaviest.customer_id, month }));

  const rawReads = ({ customerId, month }: { customerId: string; month: string }) => {
    const days = monthDays(month);
    return Promise.all([
      pool.query(SELECT_PERIODS, [[customerId], fromDayNumber(days.first), fromDayNumber(days.end)]),
      pool.query(SELECT_INVOICED, [[customerId], month]),
    ]);
  };
  const reconciled = ({ customerId, month }: { customerId: string; month: string }) =>
    customerReconciliation(pool, customerId, month);
  // Warm the pool, the plans and the JIT first, as a running API would have.
  await timeEach(sample.slice(0, 50), reconciled);
  await timeEach(sample.slice(0, 50), rawReads);

  const baseline = {
    what: 'the two SQL reads a reconciliation makes (periods bearing on the month, its invoice lines), raw',
    ...stats(await timeEach(sample, rawReads)),
  };
  const sampled = stats(await timeEach(sample, reconciled));
  const heaviestCustomer = {
    customerId: heaviest.customer_id,
    licensePeriods: heaviest.periods,
    ...stats(await timeEach(heavy, reconciled)),
  };
  const fleetMonth = months[Math.floor(months.length / 2)] ?? months[0] ?? '';
  const fleet = await measured(() =>
    resellerReconciliation(
      pool,
      principalOf('billing-analyst', 'bench', 'RS-Vertical'),
      'RS-Vertical',
      fleetMonth,
      { limit: 50 },
    ),
  );

  console.log(`baseline raw reads:          p50 ${baseline.p50Ms} ms, p95 ${baseline.p95Ms} ms`);
  console.log(
    `customer-month (random):     p50 ${sampled.p50Ms} ms, p95 ${sampled.p95Ms} ms, max ${sampled.maxMs} ms (target p95 < ${TARGET_P95_MS} ms)`,
  );
  console.log(
    `customer-month (heaviest):   p50 ${heaviestCustomer.p50Ms} ms, p95 ${heaviestCustomer.p95Ms} ms (${heaviest.periods} license periods)`,
  );
  console.log(`reseller RS-Vertical ${fleetMonth}: ${fleet.ms} ms for its whole tree`);
  await recordResult('reconciliation', {
    events: history.head,
    history: { ...size, ...history.setupMs, months: months.length, invoiceLines },
    baseline,
    customerMonth: sampled,
    heaviestCustomer,
    resellerWide: { resellerId: 'RS-Vertical', month: fleetMonth, ms: fleet.ms },
    targetP95Ms: TARGET_P95_MS,
    meetsTarget: sampled.p95Ms < TARGET_P95_MS && heaviestCustomer.p95Ms < TARGET_P95_MS,
    ratio: round(sampled.p95Ms / baseline.p95Ms),
  });
} finally {
  await history.close();
}
