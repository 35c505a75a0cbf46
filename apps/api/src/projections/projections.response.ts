import { z } from 'zod';
import { named } from '../http/api-responses.js';

const projectionStatus = named(
  'ProjectionStatus',
  z.object({
    name: z.string(),
    position: z.int(),
    lagEvents: z.int().describe('Events recorded but not yet in this read model'),
    lagSeconds: z.number().describe('Age of the oldest event not yet in this read model (0 when caught up)'),
    status: z.enum(['live', 'rebuilding', 'faulted']),
    progress: z
      .object({
        done: z.int(),
        total: z.int(),
        eventsPerSecond: z.int(),
        etaSeconds: z.int().nullable(),
      })
      .nullable()
      .describe("The rebuild's progress; null while live"),
    error: z.string().nullable().describe('Where and why a faulted read model stopped; null otherwise'),
  }),
);

export const projectionStatuses = named('ProjectionStatuses', z.array(projectionStatus));

export const rebuildStarted = named(
  'RebuildStarted',
  z.object({ name: z.string(), status: z.literal('rebuilding') }),
);
