import { z } from 'zod';
import { instant, named, position, type ResponseBody } from '../../http/api-responses.js';
import { inventoryRow } from '../../customers/customer.response.js';
import { orderItem, orderStatus } from '../../orders/order.response.js';

export const customerAsOfResponse = named(
  'CustomerAsOf',
  z.object({
    customerId: z.string(),
    at: instant,
    packages: z.array(inventoryRow),
    users: z.array(z.object({ extension: z.int(), name: z.string(), site: z.string(), package: z.string() })),
    openOrders: z.array(z.object({ orderNo: z.string(), status: orderStatus, items: z.array(orderItem) })),
    position: position.describe(
      'The global position of the last event folded (see GET /api/audit/{position})',
    ),
  }),
);

/** An account as of a moment: one license being returned by an approved order. */
export const customerAsOfExample: ResponseBody<typeof customerAsOfResponse> = {
  customerId: 'C000000150',
  at: '2023-10-24T13:00:00.000Z',
  packages: [
    {
      package: 'Basic User With VM',
      itemGroup: 'User License',
      held: 1,
      pendingAdds: 0,
      pendingReturns: 1,
      toBe: 0,
      assigned: 0,
      reserved: 1,
      available: 0,
    },
    {
      package: 'Premium iPECS ONE USER',
      itemGroup: 'User License',
      held: 1,
      pendingAdds: 0,
      pendingReturns: 0,
      toBe: 1,
      assigned: 1,
      reserved: 0,
      available: 0,
    },
  ],
  users: [{ extension: 297, name: '9240 Demo', site: 'Vertical Demo', package: 'Premium iPECS ONE USER' }],
  openOrders: [
    {
      orderNo: '503037',
      status: 'Approved',
      items: [
        {
          itemNo: 1,
          itemGroup: 'User License',
          package: 'Basic User With VM',
          quantity: -1,
          trialDays: 0,
          billingAccount: 'Vertical Demo',
          comment: '',
          customerPrice: 20,
        },
      ],
    },
  ],
  position: 42,
};
