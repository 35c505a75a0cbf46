import { z } from 'zod';
import { customerId, extension, resellerId, text } from '../../http/fields.js';

export const registerCustomerRequest = z.strictObject({
  customerId,
  name: text(100),
  resellerId,
  servicePlan: text(100),
  billingAccount: text(100),
  sites: z
    .array(
      z
        .strictObject({ name: text(100), extensionMin: extension, extensionMax: extension })
        .refine((site) => site.extensionMin <= site.extensionMax, {
          message: 'extensionMin must not be above extensionMax',
          path: ['extensionMin'],
          params: { rule: 'range' },
        }),
    )
    .min(1)
    .max(500),
});
export type RegisterCustomerRequest = z.output<typeof registerCustomerRequest>;

export const registerCustomerExample: RegisterCustomerRequest = {
  customerId: 'C000000150',
  name: 'Vertical Demo',
  resellerId: 'RS-Vertical',
  servicePlan: 'Standard Plan',
  billingAccount: 'Vertical Demo',
  sites: [{ name: 'Vertical Demo', extensionMin: 100, extensionMax: 299 }],
};
