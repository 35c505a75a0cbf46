import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber, isCalendarDate, laterDate, monthDays, utcDateOf } from './dates.js';

describe('calendar days', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(19654)).toBe('2023-10-24');
  });

  it('round-trips every day of years 1 to 9999', () => {
    fc.assert(fc.property(fc.integer({ min: dayNumber('0001-01-01'), max: dayNumber('9999-12-31') }), (n) => dayNumber(fromDayNumber(n)) === n));
  });

  it('knows leap years and month lengths', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(monthDays('2024-02').length).toBe(29);
    expect(monthDays('2023-12').length).toBe(31);
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });

  it('takes the UTC date of a time with an offset', () => {
    expect(utcDateOf('2023-10-24T13:18:11.000Z')).toBe('2023-10-24');
    expect(utcDateOf('2023-10-24T23:30:00-02:00')).toBe('2023-10-25');
    expect(utcDateOf('2023-10-24T01:00:00+02:00')).toBe('2023-10-23');
  });

  it('picks the later of two dates', () => {
    expect(laterDate('2023-10-24', '2022-08-02')).toBe('2023-10-24');
  });

  it('refuses what is not a date', () => {
    expect(() => dayNumber('24/10/2023')).toThrow(expect.objectContaining({ type: 'invalid-date' }));
    expect(() => monthDays('2023-13')).toThrow(expect.objectContaining({ type: 'invalid-date' }));
  });
});
