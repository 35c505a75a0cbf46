import type { Command } from '../shared/decider.js';
import { dayNumber } from '../shared/dates.js';
import { OrderExists } from '../shared/errors.js';
import type { LicenseOrdered, LicenseReturned, OrderPlaced, OrderType } from './order-events.js';
import { itemEvents, type OrderItemInput } from './order-items.js';
import type { Order } from './order.js';

export type PlaceOrder = Command<
  'PlaceOrder',
  {
    readonly customerId: string;
    /** Claimed beforehand on its own stream (see orders/order-numbers.ts). */
    readonly orderNo: string;
    readonly title: string;
    readonly type: OrderType;
    readonly changeDate: string;
    readonly note: string;
    readonly items: readonly OrderItemInput[];
  }
>;

/** An order is saved Temporary, possibly without items (it cannot be submitted until it has some). */
export const placeOrder = (command: PlaceOrder, existing: Order | undefined, servicePlan: string): (OrderPlaced | LicenseOrdered | LicenseReturned)[] => {
  const { customerId, orderNo, title, type, changeDate, note, items } = command.data;
  if (existing) throw OrderExists({ customerId, orderNo });
  dayNumber(changeDate, 'changeDate');
  const placed: OrderPlaced = {
    type: 'OrderPlaced',
    data: { customerId, orderNo, title, type, orderDate: command.metadata.now, changeDate, servicePlan, note },
  };
  return [placed, ...itemEvents({ customerId, orderNo }, 1, items)];
};
