import { z } from 'zod';
import { named } from '../http/api-responses.js';

const projectionStatus = named(
  'ProjectionStatus',
  z.object({
    name: z.string(),
    position: z.int(),
    lagEvents: z
      .int()
      .nullable()
      .describe(
        'Events recorded but not yet in this read model; null where the store cannot count them (EventStoreDB positions are byte offsets in its log)',
      ),
    lagSeconds: z
      .number()
      .describe('Age of the oldest event not yet in this read model, from its recorded time (0 when caught up)'),
    status: z.enum(['live', 'rebuilding', 'faulted']),
    progress: z
      .object({
        fraction: z.number().min(0).max(1).describe('Position reached as a fraction of the head position to reach'),
        done: z.int().nullable().describe('Events replayed; null where the store cannot count them'),
        total: z.int().nullable().describe('Events to replay in all; null where the store cannot count them'),
        eventsPerSecond: z.int().nullable().describe('Replay rate; null where the store cannot count events'),
        etaSeconds: z.int().nullable().describe('At the pace so far; null before the rebuild has moved'),
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
