import { z } from 'zod';
import { named, pageSchema } from '../../http/api-responses.js';

const fleetCustomer = named(
  'FleetCustomer',
  z.object({
    customerId: z.string(),
    name: z.string(),
    resellerId: z.string(),
    held: z.int(),
    available: z.int(),
    idle: z.int().describe('Licenses held that no user is on'),
    pendingOrders: z.int(),
    awaitingApproval: z.int(),
    awaitingFinalConfirm: z.int(),
  }),
);

export const fleetPage = named('FleetPage', pageSchema(fleetCustomer));
