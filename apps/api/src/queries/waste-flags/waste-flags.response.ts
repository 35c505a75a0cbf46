import { z } from 'zod';
import { day, instant, named } from '../../http/api-responses.js';

const unassigned = named(
  'UnassignedLicenses',
  z
    .object({
      kind: z.literal('unassigned'),
      package: z.string(),
      licenses: z.int(),
      monthlyAmount: z.number().describe('What they cost a month, at their prices'),
    })
    .describe(
      'Licenses of a package billed on every day of the last `days` and used by no user all that time',
    ),
);

const paidTwice = named(
  'PaidTwice',
  z
    .object({
      kind: z.literal('paid-twice'),
      package: z.string(),
      extension: z.int(),
      toPackage: z.string(),
      changedAt: instant,
      returnedOn: day.nullable().describe('The return that came too late, if one came'),
      monthlyAmount: z.number().describe('What the kept license costs a month'),
    })
    .describe(
      'A user moved off `package` whose license was neither returned nor taken by another user within `days`',
    ),
);

export const wasteFlags = named(
  'WasteFlags',
  z.object({
    customerId: z.string(),
    at: instant,
    days: z.int(),
    flags: z.array(z.discriminatedUnion('kind', [unassigned, paidTwice])),
  }),
);
