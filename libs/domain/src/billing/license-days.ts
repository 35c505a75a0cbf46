import { dayNumber, monthDays, type MonthDays } from '../shared/dates.js';
import type { LicensePeriod } from './license-periods.js';

/** Days of `days` on which the license is billable. */
export const billableDaysIn = (period: LicensePeriod, days: MonthDays): number => {
  const start = Math.max(dayNumber(period.billingStart), days.first);
  const end = Math.min(period.end === null ? days.end : dayNumber(period.end), days.end);
  return Math.max(0, end - start);
};

export const isBillableOn = (period: LicensePeriod, day: number): boolean =>
  dayNumber(period.billingStart) <= day && (period.end === null || day < dayNumber(period.end));

/** How many of `periods` are billable on each day of a month 'YYYY-MM', from its first day to its last. */
export const billableCountsByDay = (periods: readonly LicensePeriod[], month: string): number[] => {
  const days = monthDays(month);
  return Array.from({ length: days.length }, (_, i) => periods.filter((period) => isBillableOn(period, days.first + i)).length);
};

/** Groups periods by package, in order of first appearance. */
export const byPackage = (periods: readonly LicensePeriod[]): Map<string, LicensePeriod[]> => {
  const groups = new Map<string, LicensePeriod[]>();
  for (const period of periods) groups.set(period.package, [...(groups.get(period.package) ?? []), period]);
  return groups;
};

export interface PackageLicenseDays {
  readonly package: string;
  readonly licenseDays: number;
}

/** License-days per package in a month 'YYYY-MM'; packages with none are left out. */
export const licenseDays = (periods: readonly LicensePeriod[], month: string): PackageLicenseDays[] => {
  const days = monthDays(month);
  return [...byPackage(periods)]
    .map(([pkg, group]) => ({ package: pkg, licenseDays: group.reduce((sum, period) => sum + billableDaysIn(period, days), 0) }))
    .filter((row) => row.licenseDays > 0);
};
