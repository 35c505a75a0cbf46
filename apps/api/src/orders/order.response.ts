import { ORDER_STATUSES, type OrderStatus } from '@ledger/domain';
import { z } from 'zod';
import { day, instant, named, position } from '../http/api-responses.js';

export const orderStatus = z.enum(ORDER_STATUSES as [OrderStatus, ...OrderStatus[]]);
export const orderType = z.enum(['New', 'Change']);

export const orderItemFields = {
  itemNo: z.int(),
  itemGroup: z.string(),
  package: z.string(),
  quantity: z.int().describe('+N adds licenses, -N returns them'),
  trialDays: z.int(),
  billingAccount: z.string(),
  comment: z.string(),
  customerPrice: z.number().describe("The package's monthly price per license when the order was placed"),
};

export const orderItem = named('OrderItem', z.object(orderItemFields));

/** An item as the final confirm left it: To Be = Now + Order. */
export const confirmedItem = named(
  'ConfirmedItem',
  z.object({
    itemNo: z.int(),
    itemGroup: z.string(),
    package: z.string(),
    billingAccount: z.string(),
    actDate: day,
    billingStart: day,
    customerPrice: z.number(),
    now: z.int(),
    order: z.int(),
    toBe: z.int(),
    trialDays: z.int(),
  }),
);

export const order = named(
  'Order',
  z.object({
    orderNo: z.string().describe('A string of digits'),
    status: orderStatus,
    customerId: z.string(),
    title: z.string(),
    type: orderType,
    orderDate: instant,
    changeDate: day,
    servicePlan: z.string(),
    note: z.string(),
    rejectReason: z.string().nullable(),
    confirmedAt: instant.nullable(),
    effectiveDate: day.nullable().describe('The later of the change date and the final confirm'),
    items: z.array(orderItem),
    confirmedItems: z.array(confirmedItem).describe('Empty until the final confirm'),
    position,
  }),
);
