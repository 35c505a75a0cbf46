import { z } from 'zod';
import { calendarDate, customerId, freeText, text } from '../../http/fields.js';
import { orderItems } from './order-items.request.js';

export const placeOrderRequest = z.strictObject({
  customerId,
  title: text(200),
  type: z.enum(['New', 'Change']),
  changeDate: calendarDate,
  note: freeText(2000).optional(),
  items: orderItems,
});
export type PlaceOrderRequest = z.output<typeof placeOrderRequest>;

export const placeOrderExample: PlaceOrderRequest = {
  customerId: 'C000000150',
  title: 'Vertical Demo Change Order',
  type: 'Change',
  changeDate: '2023-10-24',
  items: [
    {
      itemGroup: 'User License',
      package: 'Basic User With VM',
      quantity: -1,
      trialDays: 0,
      billingAccount: 'Vertical Demo',
    },
  ],
};
