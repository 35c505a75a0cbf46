import { type LicensePeriod, type PackageStretch, wasteFlags } from '@ledger/domain';
import type { Pool } from 'pg';

/** Every period of the customer: returns long past still tell whether a package change's old license went back. */
const SELECT_PERIODS = `
  SELECT package, billing_start::text AS billing_start, end_date::text AS end_date,
         customer_price::float8 AS customer_price, order_no, returned_on::text AS returned_on
    FROM read_models.license_periods WHERE customer_id = $1 ORDER BY license_no`;

/** Every user's packages, from when to when, removed users included. */
const SELECT_STRETCHES = `
  SELECT extension, package, from_at, to_at FROM read_models.user_package_history
   WHERE customer_id = $1 ORDER BY from_position`;

interface PeriodRow {
  package: string;
  billing_start: string;
  end_date: string | null;
  customer_price: number;
  order_no: string;
  returned_on: string | null;
}

interface StretchRow {
  extension: number;
  package: string;
  from_at: Date;
  to_at: Date | null;
}

const periodOf = (row: PeriodRow): LicensePeriod => ({
  package: row.package,
  billingStart: row.billing_start,
  end: row.end_date,
  customerPrice: row.customer_price,
  orderNo: row.order_no,
  returnedOn: row.returned_on,
});

const stretchOf = (row: StretchRow): PackageStretch => ({
  extension: row.extension,
  package: row.package,
  from: row.from_at.toISOString(),
  to: row.to_at?.toISOString() ?? null,
});

/** The customer's waste flags at `at` (an ISO instant), by the domain's rules over its license periods and users' packages. */
export async function customerWaste(pool: Pool, customerId: string, at: string, days: number) {
  const [periods, stretches] = await Promise.all([
    pool.query<PeriodRow>(SELECT_PERIODS, [customerId]),
    pool.query<StretchRow>(SELECT_STRETCHES, [customerId]),
  ]);
  const flags = wasteFlags({
    periods: periods.rows.map(periodOf),
    stretches: stretches.rows.map(stretchOf),
    now: at,
    days,
  });
  return { customerId, at, days, flags };
}
