import { z } from 'zod';
import { day, instant, named, pageSchema } from '../../http/api-responses.js';
import { orderItemFields, orderStatus, orderType } from '../../orders/order.response.js';

/** An order item in a list of orders: the final confirm's columns are null until then. */
const listedOrderItem = named(
  'ListedOrderItem',
  z.object({
    ...orderItemFields,
    actDate: day.nullable(),
    billingStart: day.nullable(),
    now: z.int().nullable(),
    order: z.int().nullable(),
    toBe: z.int().nullable(),
  }),
);

/** An order with every step's time, so a list needs no second read per order. */
const listedOrder = named(
  'ListedOrder',
  z.object({
    orderNo: z.string(),
    customerId: z.string(),
    title: z.string(),
    type: orderType,
    status: orderStatus,
    servicePlan: z.string(),
    note: z.string(),
    orderDate: instant,
    changeDate: day,
    submittedAt: instant.nullable(),
    approvedAt: instant.nullable(),
    rejectedAt: instant.nullable(),
    rejectReason: z.string().nullable(),
    cancelledAt: instant.nullable(),
    finalConfirmedAt: instant.nullable(),
    effectiveDate: day.nullable(),
    items: z.array(listedOrderItem),
  }),
);

/** An item as the query's SQL builds it (json_build_object), named as the response names it. */
export type ListedOrderItem = z.output<typeof listedOrderItem>;

export const orderPage = named('OrderPage', pageSchema(listedOrder));
