import { addDays, dayNumber, fromDayNumber, monthDays } from '@ledger/domain';
import type { Random } from './random.js';

/** Days of the demo history as the ledger writes them ('YYYY-MM-DD', UTC); moments as epoch milliseconds. */
const MINUTE = 60_000;
export const DAY_MS = 86_400_000;
const OPENS = 8 * 60;
const CLOSES = 17 * 60;

export const dateOf = (time: number): string => new Date(time).toISOString().slice(0, 10);
export const monthOf = (time: number): string => dateOf(time).slice(0, 7);
export const midnightOf = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);

/** The first day of the month after the one `date` is in. */
export const firstOfNextMonth = (date: string): string => fromDayNumber(monthDays(date.slice(0, 7)).end);

/** The first day of the month `months` months after the one `date` is in (negative: before). */
export const firstOfMonth = (date: string, months: number): string => {
  const [year, month] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1 + months, 1)).toISOString().slice(0, 10);
};

const isWeekend = (date: string): boolean => [0, 6].includes((dayNumber(date) + 4) % 7);

/** `date` itself, or the Monday after it when it falls on a weekend. */
export const workingDay = (date: string): string => (isWeekend(date) ? workingDay(addDays(date, 1)) : date);

/** The working day `days` working days after `date` (0: `date` itself, or the next working day). */
export const workingDaysAfter = (date: string, days: number): string =>
  days <= 0 ? workingDay(date) : workingDaysAfter(addDays(workingDay(date), 1), days - 1);

/** A moment of office hours (08:00 to 17:00 UTC) on `date`. */
export const officeHours = (date: string, random: Random): number =>
  midnightOf(date) + random.int(OPENS, CLOSES) * MINUTE;

/** `minutes` after `time`. */
export const minutesAfter = (time: number, minutes: number): number => time + minutes * MINUTE;

/** The months 'YYYY-MM' from the one `from` is in up to the one `to` is in. */
export const monthsBetween = (from: number, to: number): string[] => {
  const months: string[] = [];
  for (let first = firstOfMonth(dateOf(from), 0); first <= dateOf(to); first = firstOfNextMonth(first))
    months.push(first.slice(0, 7));
  return months;
};
