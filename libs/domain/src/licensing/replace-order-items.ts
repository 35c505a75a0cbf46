import type { Command } from '../shared/decider.js';
import type { LicenseOrdered, LicenseReturned, OrderItemRemoved } from './order-events.js';
import { itemEvents, type OrderItemInput } from './order-items.js';
import type { Order } from './order.js';

export type ReplaceOrderItems = Command<
  'ReplaceOrderItems',
  { readonly customerId: string; readonly orderNo: string; readonly items: readonly OrderItemInput[] }
>;

/** Removes every current item and adds the new ones, numbered after the highest item number used. */
export const replaceOrderItems = (command: ReplaceOrderItems, order: Order): (OrderItemRemoved | LicenseOrdered | LicenseReturned)[] => {
  const ids = { customerId: order.customerId, orderNo: order.orderNo };
  const removed = order.items.map((item): OrderItemRemoved => ({ type: 'OrderItemRemoved', data: { ...ids, itemNo: item.itemNo } }));
  return [...removed, ...itemEvents(ids, order.lastItemNo + 1, command.data.items)];
};
