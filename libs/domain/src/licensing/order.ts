import type { ConfirmedItem, LicenseItemData, OrderEvent, OrderItemFields, OrderPlaced } from './order-events.js';

type OrderHeader = OrderPlaced['data'];

export type OrderStatus = 'Temporary' | 'Submitted' | 'Approved' | 'Rejected' | 'Cancelled' | 'FinalConfirmed';

export const ORDER_STATUSES: readonly OrderStatus[] = ['Temporary', 'Submitted', 'Approved', 'Rejected', 'Cancelled', 'FinalConfirmed'];

/** An order item; `quantity` is signed: +N adds, -N returns. */
export interface OrderItem extends OrderItemFields {
  readonly itemNo: number;
}

export interface Order extends OrderHeader {
  readonly status: OrderStatus;
  readonly items: readonly OrderItem[];
  /** The highest item number ever used, so replaced items never reuse a number. */
  readonly lastItemNo: number;
  readonly rejectReason: string | null;
  readonly confirmedAt: string | null;
  readonly effectiveDate: string | null;
  /** The final confirm's Act. Date, Billing Start, Now / Order / To Be per item; empty until then. */
  readonly confirmedItems: readonly ConfirmedItem[];
}

/** Submitted and Approved orders are pending: their adds and returns show in To Be, their returns are reserved. */
export const isPending = (order: Order): boolean => order.status === 'Submitted' || order.status === 'Approved';

const itemOf = ({ customerId: _c, orderNo: _o, ...item }: LicenseItemData, sign: 1 | -1): OrderItem => ({
  ...item,
  quantity: sign * item.quantity,
});

const withItem = (order: Order, item: OrderItem): Order => ({
  ...order,
  items: [...order.items, item],
  lastItemNo: Math.max(order.lastItemNo, item.itemNo),
});

/** Folds one order's events; the customer account keeps one of these per order number. */
export const evolveOrder = (order: Order | undefined, event: OrderEvent): Order | undefined => {
  if (event.type === 'OrderPlaced') {
    return { ...event.data, status: 'Temporary', items: [], lastItemNo: 0, rejectReason: null, confirmedAt: null, effectiveDate: null, confirmedItems: [] };
  }
  if (order === undefined) return order;
  switch (event.type) {
    case 'LicenseOrdered':
      return withItem(order, itemOf(event.data, 1));
    case 'LicenseReturned':
      return withItem(order, itemOf(event.data, -1));
    case 'OrderItemRemoved':
      return { ...order, items: order.items.filter((item) => item.itemNo !== event.data.itemNo) };
    case 'OrderSubmitted':
      return { ...order, status: 'Submitted' };
    case 'OrderApproved':
      return { ...order, status: 'Approved' };
    case 'OrderRejected':
      return { ...order, status: 'Rejected', rejectReason: event.data.reason };
    case 'OrderCancelled':
      return { ...order, status: 'Cancelled' };
    case 'OrderFinalConfirmed':
      return {
        ...order,
        status: 'FinalConfirmed',
        confirmedAt: event.data.confirmedAt,
        effectiveDate: event.data.effectiveDate,
        confirmedItems: event.data.items,
      };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};
