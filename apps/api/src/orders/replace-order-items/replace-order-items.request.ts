import { z } from 'zod';
import { orderItems } from '../place-order/order-items.request.js';

export const replaceOrderItemsRequest = z.strictObject({ items: orderItems });
export type ReplaceOrderItemsRequest = z.output<typeof replaceOrderItemsRequest>;
