import { z } from 'zod';
import { named, position } from '../../http/api-responses.js';

export const registeredReseller = named(
  'RegisteredReseller',
  z.object({
    resellerId: z.string(),
    name: z.string(),
    parentResellerId: z.string().nullable().describe("The token's reseller; null for a root reseller"),
    position,
  }),
);
