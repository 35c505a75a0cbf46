import { z } from 'zod';

/** Field rules shared by several requests, each failing with a rule name clients can rely on. */
export const text = (max = 200) => z.string().trim().min(1).max(max);

export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, { message: 'must be a real calendar date', params: { rule: 'date' } });

export const customerId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, - or _');

export const money = z
  .number()
  .nonnegative()
  .refine((value) => Math.round(value * 100) === Number((value * 100).toFixed(6)), {
    message: 'must have at most two decimals',
    params: { rule: 'cents' },
  });
