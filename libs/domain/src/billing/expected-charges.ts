import { monthDays } from '../shared/dates.js';
import { billableDaysIn, byPackage } from './license-days.js';
import type { LicensePeriod } from './license-periods.js';
import { divideRounded, fromCents, toCents } from './money.js';

export interface ExpectedCharge {
  readonly package: string;
  readonly licenseDays: number;
  /** license-days x monthly price / days in the month, rounded to cents for the package's total. */
  readonly amount: number;
}

export const expectedCharges = (periods: readonly LicensePeriod[], month: string): ExpectedCharge[] => {
  const days = monthDays(month);
  return [...byPackage(periods)]
    .map(([pkg, group]) => {
      const perPeriod = group.map((period) => ({ days: billableDaysIn(period, days), cents: toCents(period.customerPrice) }));
      const licenseDays = perPeriod.reduce((sum, p) => sum + p.days, 0);
      const centDays = perPeriod.reduce((sum, p) => sum + p.days * p.cents, 0);
      return { package: pkg, licenseDays, amount: fromCents(divideRounded(centDays, days.length)) };
    })
    .filter((charge) => charge.licenseDays > 0);
};
