import { z } from 'zod';
import { named, pageSchema } from '../../http/api-responses.js';

const reason = z.enum(['not-billed', 'billed-after-return', 'quantity-mismatch', 'price-mismatch']);

const totals = named(
  'ReconciliationTotals',
  z
    .object({ expected: z.number(), invoiced: z.number(), difference: z.number() })
    .describe("Sums of the lines' rounded amounts; difference = invoiced - expected"),
);

const month = z.string().describe('YYYY-MM');

const reconciliationLine = named(
  'ReconciliationLine',
  z.object({
    package: z.string(),
    expected: z.object({ licenseDays: z.int(), amount: z.number() }),
    invoiced: z.object({ quantity: z.int(), amount: z.number() }),
    difference: z.number().describe('invoiced - expected'),
    reasons: z.array(reason),
  }),
);

export const customerReconciliationResponse = named(
  'CustomerReconciliation',
  z.object({ customerId: z.string(), month, lines: z.array(reconciliationLine), totals }),
);

const customerAtStake = named(
  'CustomerAtStake',
  z.object({
    customerId: z.string(),
    name: z.string(),
    resellerId: z.string(),
    totals,
    atStake: z.number().describe("The sum of the packages' absolute differences"),
    reasons: z.array(reason),
  }),
);

export const resellerReconciliationResponse = named(
  'ResellerReconciliation',
  pageSchema(customerAtStake).extend({ resellerId: z.string(), month }),
);
