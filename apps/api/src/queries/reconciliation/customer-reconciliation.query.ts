import type { Pool } from 'pg';
import { monthBilling, reconcileMonth } from './month-billing.query.js';

/** API.md's reconciliation of one customer's month: `{ customerId, month, lines, totals }`. */
export async function customerReconciliation(pool: Pool, customerId: string, month: string) {
  const billing = (await monthBilling(pool, [customerId], month)).get(customerId) ?? {
    periods: [],
    invoiced: [],
  };
  return { customerId, month, ...reconcileMonth(billing, month) };
}
