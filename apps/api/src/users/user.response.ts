import { z } from 'zod';
import { named, position } from '../http/api-responses.js';

export const user = named(
  'User',
  z.object({
    customerId: z.string(),
    extension: z.int(),
    name: z.string(),
    site: z.string(),
    portalId: z.string(),
    email: z.string(),
    package: z.string(),
    removed: z.literal(false),
    position,
  }),
);

export const removedUser = named(
  'RemovedUser',
  z.object({ customerId: z.string(), extension: z.int(), removed: z.literal(true), position }),
);
