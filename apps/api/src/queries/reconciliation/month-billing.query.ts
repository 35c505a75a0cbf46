import {
  expectedCharges,
  fromDayNumber,
  type InvoiceLine,
  type LicensePeriod,
  monthDays,
  type Reconciliation,
  reconcile,
} from '@ledger/domain';
import type { Pool } from 'pg';

/**
 * The license periods that bear on a month ($2 its first day, $3 the next month's): those billable
 * in it, and per package the latest period returned before it ends but not billable in it, which
 * carries no license-day and only tells the domain's `reconcile` that a return came by the month's
 * end (`billed-after-return`). The same answer as every period of the customer, read in far fewer
 * rows for a long history.
 */
export const SELECT_PERIODS = `
  WITH overlapping AS (
    SELECT customer_id, license_no, package, billing_start, end_date, customer_price, order_no, returned_on
      FROM read_models.license_periods
     WHERE customer_id = ANY($1::text[]) AND billing_start < $3::date AND (end_date IS NULL OR end_date > $2::date)
  ),
  returned_before AS (
    SELECT DISTINCT ON (customer_id, package) customer_id, license_no, package, billing_start, end_date, customer_price, order_no, returned_on
      FROM read_models.license_periods p
     WHERE customer_id = ANY($1::text[]) AND returned_on < $3::date
       AND NOT (billing_start < $3::date AND (end_date IS NULL OR end_date > $2::date))
     ORDER BY customer_id, package, returned_on DESC
  )
  SELECT customer_id, package, billing_start::text AS billing_start, end_date::text AS end_date,
         customer_price::float8 AS customer_price, order_no, returned_on::text AS returned_on
    FROM (SELECT * FROM overlapping UNION ALL SELECT * FROM returned_before) periods
   ORDER BY customer_id, license_no`;

export const SELECT_INVOICED = `
  SELECT customer_id, package, quantity, amount::float8 AS amount FROM read_models.invoice_lines
   WHERE customer_id = ANY($1::text[]) AND month = $2 ORDER BY customer_id, package`;

/** A period as stored; dates come back as text so no time zone shifts them. */
interface PeriodRow {
  customer_id: string;
  package: string;
  billing_start: string;
  end_date: string | null;
  customer_price: number;
  order_no: string;
  returned_on: string | null;
}

interface InvoicedRow {
  customer_id: string;
  package: string;
  quantity: number;
  amount: number;
}

/** What one customer's month is reconciled from. */
export interface MonthBilling {
  readonly periods: LicensePeriod[];
  readonly invoiced: InvoiceLine[];
}

const periodOf = (row: PeriodRow): LicensePeriod => ({
  package: row.package,
  billingStart: row.billing_start,
  end: row.end_date,
  customerPrice: row.customer_price,
  orderNo: row.order_no,
  returnedOn: row.returned_on,
});

/** The periods and invoice lines of each of `customerIds` for `month` ('YYYY-MM'), two reads whatever their number. */
export async function monthBilling(
  pool: Pool,
  customerIds: readonly string[],
  month: string,
): Promise<Map<string, MonthBilling>> {
  const days = monthDays(month);
  const [periods, invoiced] = await Promise.all([
    pool.query<PeriodRow>(SELECT_PERIODS, [customerIds, fromDayNumber(days.first), fromDayNumber(days.end)]),
    pool.query<InvoicedRow>(SELECT_INVOICED, [customerIds, month]),
  ]);
  const billing = new Map<string, MonthBilling>(customerIds.map((id) => [id, { periods: [], invoiced: [] }]));
  for (const row of periods.rows) billing.get(row.customer_id)?.periods.push(periodOf(row));
  for (const { customer_id, package: pkg, quantity, amount } of invoiced.rows)
    billing.get(customer_id)?.invoiced.push({ package: pkg, quantity, amount });
  return billing;
}

const byPackageName = (a: { package: string }, b: { package: string }): number =>
  a.package < b.package ? -1 : a.package > b.package ? 1 : 0;

/**
 * The domain's reconciliation of one customer's month: expected charges from the periods against the
 * invoice lines. Its lines are sorted by package, as a report reads best, whatever order the periods
 * were read in.
 */
export const reconcileMonth = ({ periods, invoiced }: MonthBilling, month: string): Reconciliation => {
  const { lines, totals } = reconcile(expectedCharges(periods, month), invoiced, periods, month);
  return { lines: [...lines].sort(byPackageName), totals };
};
