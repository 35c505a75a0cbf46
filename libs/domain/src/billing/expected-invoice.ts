import { expectedCharges } from './expected-charges.js';
import { billableCountsByDay, byPackage } from './license-days.js';
import type { LicensePeriod } from './license-periods.js';
import type { InvoiceLine } from './reconcile.js';

/**
 * The invoice lines the ledger expects from the carrier for a customer's month 'YYYY-MM': one per
 * package billed that month, with the most licenses billable on any day of it and the expected
 * charge. An invoice of exactly these lines reconciles with no difference and no reason; an
 * invoice that differs is what reconcile explains.
 */
export const expectedInvoiceLines = (periods: readonly LicensePeriod[], month: string): InvoiceLine[] => {
  const groups = byPackage(periods);
  return expectedCharges(periods, month).map((charge) => ({
    package: charge.package,
    quantity: Math.max(0, ...billableCountsByDay(groups.get(charge.package) ?? [], month)),
    amount: charge.amount,
  }));
};
