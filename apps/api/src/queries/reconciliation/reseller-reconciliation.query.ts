import { fromCents, type ReconciliationReason, toCents } from '@ledger/domain';
import type { Pool } from 'pg';
import type { Principal } from '../../auth/principal.js';
import { pageOf, type Page, type PageRequest } from '../query-params.js';
import { scopeParams, VISIBLE_CUSTOMERS } from '../read-model-scope.js';
import { monthBilling, reconcileMonth } from './month-billing.query.js';

/** The reseller's ($3) own customers and those of its descendants, within what the caller sees. */
const SELECT_FLEET = `${VISIBLE_CUSTOMERS},
  fleet(reseller_id) AS (
    SELECT $3::text
    UNION
    SELECT r.reseller_id FROM read_models.resellers r JOIN fleet f ON r.parent_reseller_id = f.reseller_id
  )
  SELECT customer_id, name, reseller_id FROM visible WHERE reseller_id IN (SELECT reseller_id FROM fleet) ORDER BY customer_id`;

interface FleetRow {
  customer_id: string;
  name: string;
  reseller_id: string;
}

/** One customer's month in the reseller's list. */
export interface CustomerAtStake {
  readonly customerId: string;
  readonly name: string;
  readonly resellerId: string;
  readonly totals: { readonly expected: number; readonly invoiced: number; readonly difference: number };
  /**
   * The sum of each package's absolute difference: an over-charge on one package does not hide an
   * under-charge on another, as the net `totals.difference` would.
   */
  readonly atStake: number;
  readonly reasons: readonly ReconciliationReason[];
}

/** The list's order, and its cursor: money at stake descending, then customer id. Cents are padded so keys compare as text in that order. */
const keyOf = (customer: CustomerAtStake): string =>
  `${String(toCents(customer.atStake)).padStart(15, '0')}:${customer.customerId}`;
const before = (a: CustomerAtStake, b: CustomerAtStake): number =>
  b.atStake - a.atStake || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
const isAfter = (customer: CustomerAtStake, cursor: string): boolean => {
  const [cents = '', customerId = ''] = cursor.split(':');
  const stake = toCents(customer.atStake);
  return stake < Number(cents) || (stake === Number(cents) && customer.customerId > customerId);
};

/**
 * Every customer of the reseller's tree (as the caller sees it) with its month's totals, the money at
 * stake first. The whole fleet is reconciled for each page: the order depends on every customer's
 * figures, which no index holds.
 */
export async function resellerReconciliation(
  pool: Pool,
  principal: Principal,
  resellerId: string,
  month: string,
  page: PageRequest<string>,
): Promise<Page<CustomerAtStake> & { resellerId: string; month: string }> {
  const fleet = (await pool.query<FleetRow>(SELECT_FLEET, [...scopeParams(principal), resellerId])).rows;
  const billing = await monthBilling(
    pool,
    fleet.map((row) => row.customer_id),
    month,
  );
  const customers = fleet.map((row): CustomerAtStake => {
    const { lines, totals } = reconcileMonth(
      billing.get(row.customer_id) ?? { periods: [], invoiced: [] },
      month,
    );
    return {
      customerId: row.customer_id,
      name: row.name,
      resellerId: row.reseller_id,
      totals,
      atStake: fromCents(lines.reduce((sum, line) => sum + Math.abs(toCents(line.difference)), 0)),
      reasons: [...new Set(lines.flatMap((line) => line.reasons))],
    };
  });
  const ordered = customers
    .sort(before)
    .filter((customer) => page.cursor === undefined || isAfter(customer, page.cursor));
  return {
    resellerId,
    month,
    ...pageOf(ordered.slice(0, page.limit + 1), page.limit, (customer) => customer, keyOf),
  };
}
