import type { ExpectedCharge } from './expected-charges.js';
import { billableCountsByDay, byPackage } from './license-days.js';
import type { LicensePeriod } from './license-periods.js';
import { fromCents, toCents } from './money.js';

export type ReconciliationReason = 'not-billed' | 'billed-after-return' | 'quantity-mismatch' | 'price-mismatch';

export interface InvoiceLine {
  readonly package: string;
  readonly quantity: number;
  readonly amount: number;
}

export interface ReconciliationLine {
  readonly package: string;
  readonly expected: { readonly licenseDays: number; readonly amount: number };
  readonly invoiced: { readonly quantity: number; readonly amount: number };
  /** invoiced - expected */
  readonly difference: number;
  readonly reasons: readonly ReconciliationReason[];
}

export interface Reconciliation {
  readonly lines: readonly ReconciliationLine[];
  readonly totals: { readonly expected: number; readonly invoiced: number; readonly difference: number };
}

interface Billable {
  readonly mostOnAnyDay: number;
  readonly onLastDay: number;
  readonly returnedByMonthEnd: boolean;
}

const billableOf = (periods: readonly LicensePeriod[], month: string): Billable => {
  const counts = billableCountsByDay(periods, month);
  const lastDay = `${month}-${String(counts.length).padStart(2, '0')}`;
  return {
    mostOnAnyDay: Math.max(0, ...counts),
    onLastDay: counts[counts.length - 1] ?? 0,
    returnedByMonthEnd: periods.some((period) => period.returnedOn !== null && period.returnedOn <= lastDay),
  };
};

const reasonsFor = (expectedCents: number, invoice: InvoiceLine | undefined, invoicedCents: number, billable: Billable): ReconciliationReason[] => {
  if (!invoice) return expectedCents > 0 ? ['not-billed'] : [];
  const reasons: ReconciliationReason[] = [];
  if (billable.returnedByMonthEnd && invoice.quantity > billable.onLastDay) reasons.push('billed-after-return');
  if (invoice.quantity !== billable.mostOnAnyDay) reasons.push('quantity-mismatch');
  // A price difference is only a reason of its own when the quantities explain nothing.
  if (reasons.length === 0 && invoicedCents !== expectedCents) reasons.push('price-mismatch');
  return reasons;
};

const sumByPackage = (lines: readonly InvoiceLine[]): Map<string, InvoiceLine> => {
  const sums = new Map<string, InvoiceLine>();
  for (const line of lines) {
    const sum = sums.get(line.package);
    sums.set(line.package, sum ? { ...sum, quantity: sum.quantity + line.quantity, amount: fromCents(toCents(sum.amount) + toCents(line.amount)) } : line);
  }
  return sums;
};

/** Expected charges against the carrier's invoice lines for one customer and month, every difference with its reasons. */
export const reconcile = (expected: readonly ExpectedCharge[], invoiceLines: readonly InvoiceLine[], periods: readonly LicensePeriod[], month: string): Reconciliation => {
  const invoices = sumByPackage(invoiceLines);
  const groups = byPackage(periods);
  const packages = [...new Set([...expected.map((charge) => charge.package), ...invoices.keys()])];
  const lines = packages.map((pkg): ReconciliationLine => {
    const charge = expected.find((c) => c.package === pkg) ?? { licenseDays: 0, amount: 0 };
    const invoice = invoices.get(pkg);
    const expectedCents = toCents(charge.amount);
    const invoicedCents = toCents(invoice?.amount ?? 0);
    return {
      package: pkg,
      expected: { licenseDays: charge.licenseDays, amount: charge.amount },
      invoiced: { quantity: invoice?.quantity ?? 0, amount: fromCents(invoicedCents) },
      difference: fromCents(invoicedCents - expectedCents),
      reasons: reasonsFor(expectedCents, invoice, invoicedCents, billableOf(groups.get(pkg) ?? [], month)),
    };
  });
  const total = (amount: (line: ReconciliationLine) => number) => fromCents(lines.reduce((sum, line) => sum + toCents(amount(line)), 0));
  return { lines, totals: { expected: total((l) => l.expected.amount), invoiced: total((l) => l.invoiced.amount), difference: total((l) => l.difference) } };
};
