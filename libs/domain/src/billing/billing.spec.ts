import { describe, expect, it } from 'vitest';
import { BASIC, PREMIUM, confirmedOn, item, on, placeOrder, registerDemo, run } from '../testing/customer-fixtures.js';
import { expectedCharges } from './expected-charges.js';
import { licenseDays } from './license-days.js';
import { licensePeriods } from './license-periods.js';
import { reconcile } from './reconcile.js';

const periodsOf = (...orders: ReturnType<typeof confirmedOn>[]) => licensePeriods(run([registerDemo(), ...orders.flat()]));

describe('billing', () => {
  it('prorates by day: license-days x monthly price / days in the month, rounded to cents', () => {
    const periods = periodsOf(confirmedOn('500001', '2023-10-11', [item(PREMIUM, 2)]));
    expect(expectedCharges(periods, '2023-10')).toEqual([{ package: PREMIUM, licenseDays: 42, amount: 40.65 }]);
  });

  it('bills from the later of change date and final confirm', () => {
    const events = run([registerDemo(), placeOrder('500001', [item(PREMIUM, 1)], '2023-10-20'), on('SubmitOrder', { orderNo: '500001' }), on('ApproveOrder', { orderNo: '500001' }), on('FinalConfirmOrder', { orderNo: '500001' }, { now: '2023-10-05T08:00:00Z' })]);
    expect(licenseDays(licensePeriods(events), '2023-10')).toEqual([{ package: PREMIUM, licenseDays: 12 }]);
  });

  it('trial days are free: billing starts at effective date + trial days', () => {
    const periods = periodsOf(confirmedOn('500001', '2023-10-01', [item(BASIC, 1, { trialDays: 14 })]));
    expect(periods[0]?.billingStart).toBe('2023-10-15');
    expect(expectedCharges(periods, '2023-10')).toEqual([{ package: BASIC, licenseDays: 17, amount: 10.97 }]);
  });

  it('does not bill the effective day of a return', () => {
    const periods = periodsOf(confirmedOn('500001', '2023-09-01', [item(PREMIUM, 1)]), confirmedOn('500002', '2023-10-10', [item(PREMIUM, -1)]));
    expect(licenseDays(periods, '2023-10')).toEqual([{ package: PREMIUM, licenseDays: 9 }]);
    expect(expectedCharges(periods, '2023-10')).toEqual([{ package: PREMIUM, licenseDays: 9, amount: 8.71 }]);
  });

  it('a return ends licenses still in their trial first, and those are never billed', () => {
    const periods = periodsOf(
      confirmedOn('500001', '2023-09-01', [item(BASIC, 1)]),
      confirmedOn('500002', '2023-10-01', [item(BASIC, 1, { trialDays: 30 })]),
      confirmedOn('500003', '2023-10-10', [item(BASIC, -1)]),
    );
    expect(periods.map(({ orderNo, end }) => ({ orderNo, end }))).toEqual([
      { orderNo: '500001', end: null },
      { orderNo: '500002', end: '2023-10-31' },
    ]);
    expect(licenseDays(periods, '2023-10')).toEqual([{ package: BASIC, licenseDays: 31 }]);
    expect(licenseDays(periods, '2023-11')).toEqual([{ package: BASIC, licenseDays: 30 }]);
  });

  describe('reconciliation', () => {
    const twoPremium = () => periodsOf(confirmedOn('500001', '2023-09-01', [item(PREMIUM, 2)]));
    const reconcileOctober = (periods: ReturnType<typeof twoPremium>, lines: { package: string; quantity: number; amount: number }[]) =>
      reconcile(expectedCharges(periods, '2023-10'), lines, periods, '2023-10');

    it('agrees when the invoice matches, with no reasons', () => {
      const result = reconcileOctober(twoPremium(), [{ package: PREMIUM, quantity: 2, amount: 60 }]);
      expect(result.lines).toEqual([{ package: PREMIUM, expected: { licenseDays: 62, amount: 60 }, invoiced: { quantity: 2, amount: 60 }, difference: 0, reasons: [] }]);
      expect(result.totals).toEqual({ expected: 60, invoiced: 60, difference: 0 });
    });

    it('not-billed: expected a charge, no invoice line', () => {
      expect(reconcileOctober(twoPremium(), []).lines[0]?.reasons).toEqual(['not-billed']);
    });

    it('billed-after-return: invoiced above what was billable on the last day after a return', () => {
      const periods = periodsOf(confirmedOn('500001', '2023-09-01', [item(PREMIUM, 1)]), confirmedOn('500002', '2023-10-10', [item(PREMIUM, -1)]));
      const line = reconcileOctober(periods, [{ package: PREMIUM, quantity: 1, amount: 30 }]).lines[0];
      expect(line?.reasons).toEqual(['billed-after-return']);
      expect(line?.difference).toBe(21.29);
    });

    it('quantity-mismatch: invoiced quantity differs from the most licenses billable on any day', () => {
      expect(reconcileOctober(twoPremium(), [{ package: PREMIUM, quantity: 3, amount: 90 }]).lines[0]?.reasons).toEqual(['quantity-mismatch']);
    });

    it('price-mismatch: quantities agree, amounts differ', () => {
      const result = reconcileOctober(twoPremium(), [{ package: PREMIUM, quantity: 2, amount: 70 }]);
      expect(result.lines[0]?.reasons).toEqual(['price-mismatch']);
      expect(result.totals).toEqual({ expected: 60, invoiced: 70, difference: 10 });
    });

    it('lists an invoice line for a package the ledger never billed', () => {
      const line = reconcileOctober(twoPremium(), [{ package: PREMIUM, quantity: 2, amount: 60 }, { package: BASIC, quantity: 1, amount: 20 }]).lines[1];
      expect(line).toEqual({ package: BASIC, expected: { licenseDays: 0, amount: 0 }, invoiced: { quantity: 1, amount: 20 }, difference: 20, reasons: ['quantity-mismatch'] });
    });
  });
});
