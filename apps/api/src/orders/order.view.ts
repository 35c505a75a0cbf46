import type { Order } from '@ledger/domain';

/** An order as the API shows it (API.md "Responses"). */
export const orderView = (customerId: string, order: Order, position: number) => ({
  orderNo: order.orderNo,
  status: order.status,
  customerId,
  title: order.title,
  type: order.type,
  orderDate: order.orderDate,
  changeDate: order.changeDate,
  servicePlan: order.servicePlan,
  note: order.note,
  rejectReason: order.rejectReason,
  confirmedAt: order.confirmedAt,
  effectiveDate: order.effectiveDate,
  items: order.items,
  confirmedItems: order.confirmedItems,
  position,
});

export type OrderView = ReturnType<typeof orderView>;
