/**
 * UTC calendar days as 'YYYY-MM-DD' strings and months as 'YYYY-MM'. The Date global is not allowed
 * in the domain (time arrives on the command), so arithmetic runs on day numbers: days since
 * 1970-01-01, converted with Howard Hinnant's days-from-civil algorithm.
 */
import { InvalidDate } from './errors.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MINUTES_PER_DAY = 1440;

const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

const civilFromDays = (days: number): [number, number, number] => {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yearOfEra + era * 400 + 1 : yearOfEra + era * 400, month, day];
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const fromDayNumber = (days: number): string => {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
};

const parseDay = (date: string): number | undefined => {
  const match = DAY.exec(date);
  if (!match) return undefined;
  const days = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  return fromDayNumber(days) === date ? days : undefined;
};

export const isCalendarDate = (date: string): boolean => parseDay(date) !== undefined;

/** Days since 1970-01-01 of a calendar date; throws `invalid-date` for anything else. */
export const dayNumber = (date: string, field = 'date'): number => {
  const days = parseDay(date);
  if (days === undefined) throw InvalidDate({ field, value: date });
  return days;
};

export const addDays = (date: string, days: number): string => fromDayNumber(dayNumber(date) + days);

export const laterDate = (a: string, b: string): string => (dayNumber(a) >= dayNumber(b) ? a : b);

/** The UTC calendar date of an ISO 8601 time with `Z` or an offset. */
export const utcDateOf = (time: string): string => {
  const match = TIME.exec(time);
  const date = match?.[1];
  if (!match || date === undefined || !isCalendarDate(date)) throw InvalidDate({ field: 'time', value: time });
  const zone = match[4] ?? 'Z';
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const minutes = Number(match[2]) * 60 + Number(match[3]) - offset;
  return fromDayNumber(dayNumber(date) + Math.floor(minutes / MINUTES_PER_DAY));
};

export interface MonthDays {
  /** Day number of the month's first day. */
  readonly first: number;
  /** Day number of the next month's first day (exclusive end). */
  readonly end: number;
  readonly length: number;
}

/** The days of a month 'YYYY-MM'; throws `invalid-date` for anything else. */
export const monthDays = (month: string): MonthDays => {
  const match = MONTH.exec(month);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw InvalidDate({ field: 'month', value: month });
  const y = Number(match[1]);
  const first = daysFromCivil(y, m, 1);
  const end = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
  return { first, end, length: end - first };
};
