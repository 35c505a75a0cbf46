import { z } from 'zod';
import { named, position } from '../http/api-responses.js';

export const site = named(
  'Site',
  z.object({ name: z.string(), extensionMin: z.int(), extensionMax: z.int() }),
);

const registration = {
  customerId: z.string(),
  name: z.string(),
  resellerId: z.string(),
  servicePlan: z.string(),
  billingAccount: z.string(),
  sites: z.array(site),
};

export const registeredCustomer = named('RegisteredCustomer', z.object({ ...registration, position }));

export const customer = named(
  'Customer',
  z.object({
    ...registration,
    users: z.int().describe('How many users the customer has'),
    openOrders: z.array(z.string()).describe('The numbers of its orders not yet settled'),
    position,
  }),
);

export const inventoryRow = named(
  'InventoryRow',
  z.object({
    package: z.string(),
    itemGroup: z.string(),
    held: z.int().describe('Confirmed licenses (Now)'),
    pendingAdds: z.int(),
    pendingReturns: z.int(),
    toBe: z.int().describe('held + pendingAdds - pendingReturns'),
    assigned: z.int(),
    reserved: z.int().describe('Returned by a Submitted or Approved order: no user can take them'),
    available: z.int().describe('held - assigned - reserved'),
  }),
);

export const customerInventoryResponse = named(
  'CustomerInventory',
  z.object({ customerId: z.string(), packages: z.array(inventoryRow), position }),
);
