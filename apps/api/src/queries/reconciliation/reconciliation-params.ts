import { z } from 'zod';

/** `?month=YYYY-MM`: the month reconciled, required. */
export const calendarMonth = z
  .string({ error: 'is required, as YYYY-MM' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
