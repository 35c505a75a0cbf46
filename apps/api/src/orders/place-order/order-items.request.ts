import { z } from 'zod';
import { freeText, text } from '../../http/fields.js';

export const orderItem = z.strictObject({
  itemGroup: text(100),
  package: text(100),
  quantity: z
    .number()
    .int()
    .min(-10_000)
    .max(10_000)
    .refine((quantity) => quantity !== 0, {
      message: 'must not be 0 (+N adds, -N returns)',
      params: { rule: 'not-zero' },
    }),
  trialDays: z.number().int().min(0).max(3650),
  billingAccount: text(100),
  comment: freeText(500).optional(),
});

export const orderItems = z.array(orderItem).max(200);
export type OrderItemRequest = z.output<typeof orderItem>;
