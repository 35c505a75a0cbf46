import { z } from 'zod';
import { day, named } from '../../http/api-responses.js';

export const customerTimelineResponse = named(
  'CustomerTimeline',
  z.object({
    customerId: z.string(),
    from: day,
    to: day,
    packages: z
      .array(
        z.object({
          package: z.string(),
          days: z.array(z.object({ day, held: z.int() })).describe('Every day of [from, to]'),
        }),
      )
      .describe('Held licenses per package and day, each change counted from its effective date'),
    months: z
      .array(
        z.object({
          month: z.string().describe('YYYY-MM'),
          package: z.string(),
          adds: z.int(),
          returns: z.int(),
        }),
      )
      .describe('Adds and returns per month and package, of the months the range touches'),
  }),
);
