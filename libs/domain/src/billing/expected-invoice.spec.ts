import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerHistory } from '../testing/customer-arbitraries.js';
import { BASIC, PREMIUM, confirmedOn, item, registerDemo, run } from '../testing/customer-fixtures.js';
import { expectedCharges } from './expected-charges.js';
import { expectedInvoiceLines } from './expected-invoice.js';
import { licensePeriods } from './license-periods.js';
import { reconcile } from './reconcile.js';

const periodsOf = (...orders: ReturnType<typeof confirmedOn>[]) =>
  licensePeriods(run([registerDemo(), ...orders.flat()]));
const reconciled = (periods: ReturnType<typeof periodsOf>, month: string) =>
  reconcile(expectedCharges(periods, month), expectedInvoiceLines(periods, month), periods, month);

describe('the invoice the ledger expects', () => {
  it('shows per package the most licenses billable on any day of the month and the expected charge', () => {
    const periods = periodsOf(
      confirmedOn('500001', '2023-09-01', [item(PREMIUM, 2), item(BASIC, 1)]),
      confirmedOn('500002', '2023-10-10', [item(PREMIUM, -1)]),
    );
    expect(expectedInvoiceLines(periods, '2023-10')).toEqual([
      // Two licenses up to the return's day (not billed), one after: 9 x 2 + 22 license-days.
      { package: PREMIUM, quantity: 2, amount: 38.71 },
      { package: BASIC, quantity: 1, amount: 20 },
    ]);
    expect(expectedInvoiceLines(periods, '2023-08')).toEqual([]);
  });

  it('reconciles with no reason when returns take effect on the first of a month', () => {
    const periods = periodsOf(
      confirmedOn('500001', '2023-09-01', [item(PREMIUM, 2)]),
      confirmedOn('500002', '2023-10-15', [item(BASIC, 1)]),
      confirmedOn('500003', '2023-11-01', [item(PREMIUM, -1)]),
    );
    for (const month of ['2023-09', '2023-10', '2023-11'])
      expect(
        reconciled(periods, month).lines.flatMap((line) => line.reasons),
        month,
      ).toEqual([]);
  });

  it('leaves no difference for any history and month', () => {
    fc.assert(
      fc.property(customerHistory, fc.constantFrom('2023-09', '2023-10', '2023-11'), (events, month) => {
        const { lines, totals } = reconciled(licensePeriods(events), month);
        expect(lines.filter((line) => line.difference !== 0)).toEqual([]);
        // billed-after-return compares the quantity with the month's last day, so a return that takes
        // effect within the month reads as one even when the amount agrees (DOMAIN.md's rule).
        expect(
          lines.flatMap((line) => line.reasons).filter((reason) => reason !== 'billed-after-return'),
        ).toEqual([]);
        expect(totals.difference).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
