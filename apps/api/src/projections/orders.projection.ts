import { type ConfirmedItem, evolveOrder, isOrderEvent, type Order, ORDER_EVENT_TYPES, type OrderStatus } from '@ledger/domain';
import { type DocumentReadModel, documentProjection } from './document-projection.js';
import type { TableSpec } from './row-set.js';

/** An order as the domain folds it, plus when each status was reached (the domain keeps no clock). */
export interface OrderView {
  readonly order: Order;
  readonly submittedAt: string | null;
  readonly approvedAt: string | null;
  readonly rejectedAt: string | null;
  readonly cancelledAt: string | null;
  readonly updatedAt: string;
}

interface OrderId {
  orderNo: string;
}

interface OrderRow {
  orderNo: string;
  customerId: string;
  title: string;
  type: string;
  status: string;
  servicePlan: string;
  note: string;
  orderDate: string;
  changeDate: string;
  submittedAt: string | null;
  approvedAt: string | null;
  rejectedAt: string | null;
  rejectReason: string | null;
  cancelledAt: string | null;
  finalConfirmedAt: string | null;
  effectiveDate: string | null;
  updatedAt: string;
}

interface OrderItemRow {
  orderNo: string;
  itemNo: number;
  itemGroup: string;
  package: string;
  quantity: number;
  trialDays: number;
  billingAccount: string;
  comment: string;
  customerPrice: number;
  actDate: string | null;
  billingStart: string | null;
  nowQuantity: number | null;
  orderQuantity: number | null;
  toBeQuantity: number | null;
}

const ORDERS: TableSpec<OrderRow> = {
  table: 'orders',
  key: ['orderNo'],
  columns: {
    ...{ orderNo: 'text', customerId: 'text', title: 'text', type: 'text', status: 'text', servicePlan: 'text', note: 'text' },
    ...{ orderDate: 'timestamptz', changeDate: 'date', submittedAt: 'timestamptz', approvedAt: 'timestamptz', rejectedAt: 'timestamptz' },
    ...{ rejectReason: 'text', cancelledAt: 'timestamptz', finalConfirmedAt: 'timestamptz', effectiveDate: 'date', updatedAt: 'timestamptz' },
  },
};

const ITEMS: TableSpec<OrderItemRow> = {
  table: 'order_items',
  key: ['orderNo', 'itemNo'],
  columns: {
    ...{ orderNo: 'text', itemNo: 'int4', itemGroup: 'text', package: 'text', quantity: 'int4', trialDays: 'int4', billingAccount: 'text' },
    ...{ comment: 'text', customerPrice: 'numeric', actDate: 'date', billingStart: 'date' },
    ...{ nowQuantity: 'int4', orderQuantity: 'int4', toBeQuantity: 'int4' },
  },
};

/** The moment each status was reached is the event's; FinalConfirmed carries its own (confirmedAt). */
const STAMPS: Partial<Record<OrderStatus, 'submittedAt' | 'approvedAt' | 'rejectedAt' | 'cancelledAt'>> = {
  Submitted: 'submittedAt',
  Approved: 'approvedAt',
  Rejected: 'rejectedAt',
  Cancelled: 'cancelledAt',
};

// Plain literals, not spreads: these run for every changed order of every batch.
const orderRowOf = ({ order, submittedAt, approvedAt, rejectedAt, cancelledAt, updatedAt }: OrderView): OrderRow => ({
  orderNo: order.orderNo,
  customerId: order.customerId,
  title: order.title,
  type: order.type,
  status: order.status,
  servicePlan: order.servicePlan,
  note: order.note,
  orderDate: order.orderDate,
  changeDate: order.changeDate,
  submittedAt,
  approvedAt,
  rejectedAt,
  rejectReason: order.rejectReason,
  cancelledAt,
  finalConfirmedAt: order.confirmedAt,
  effectiveDate: order.effectiveDate,
  updatedAt,
});

/** An item; once confirmed, with the confirm screen's Now / Order / To Be, dates and price. */
const itemRowsOf = ({ order }: OrderView): OrderItemRow[] => {
  const confirmed = order.confirmedItems.length === 0 ? undefined : new Map(order.confirmedItems.map((item) => [item.itemNo, item]));
  return order.items.map((item) => {
    const done = confirmed?.get(item.itemNo);
    return {
      orderNo: order.orderNo,
      itemNo: item.itemNo,
      itemGroup: item.itemGroup,
      package: item.package,
      quantity: item.quantity,
      trialDays: item.trialDays,
      billingAccount: item.billingAccount,
      comment: item.comment,
      customerPrice: done?.customerPrice ?? item.customerPrice,
      actDate: done?.actDate ?? null,
      billingStart: done?.billingStart ?? null,
      nowQuantity: done?.now ?? null,
      orderQuantity: done?.order ?? null,
      toBeQuantity: done?.toBe ?? null,
    };
  });
};

const confirmedOf = (row: OrderItemRow): ConfirmedItem[] =>
  row.toBeQuantity === null
    ? []
    : [
        {
          ...{ itemNo: row.itemNo, itemGroup: row.itemGroup, package: row.package, billingAccount: row.billingAccount, trialDays: row.trialDays },
          ...{ actDate: row.actDate ?? '', billingStart: row.billingStart ?? '', customerPrice: row.customerPrice },
          ...{ now: row.nowQuantity ?? 0, order: row.orderQuantity ?? 0, toBe: row.toBeQuantity },
        },
      ];

/** The stored order back as the domain's Order, so the next events fold onto it with evolveOrder. */
const viewOf = (row: OrderRow, stored: readonly OrderItemRow[]): OrderView => {
  const items = [...stored].sort((a, b) => a.itemNo - b.itemNo);
  return {
  order: {
    ...{ customerId: row.customerId, orderNo: row.orderNo, title: row.title, type: row.type as Order['type'], orderDate: row.orderDate },
    ...{ changeDate: row.changeDate, servicePlan: row.servicePlan, note: row.note, status: row.status as OrderStatus },
    items: items.map(({ itemNo, itemGroup, package: pkg, quantity, trialDays, billingAccount, comment, customerPrice }) => ({
      ...{ itemNo, itemGroup, package: pkg, quantity, trialDays, billingAccount, comment, customerPrice },
    })),
    lastItemNo: Math.max(0, ...items.map((item) => item.itemNo)),
    ...{ rejectReason: row.rejectReason, confirmedAt: row.finalConfirmedAt, effectiveDate: row.effectiveDate },
    confirmedItems: items.flatMap(confirmedOf),
  },
  ...{ submittedAt: row.submittedAt, approvedAt: row.approvedAt, rejectedAt: row.rejectedAt, cancelledAt: row.cancelledAt },
  updatedAt: row.updatedAt,
  };
};

/** Orders with their items, status and dates, folded by the domain's own evolveOrder. */
export const ordersReadModel: DocumentReadModel<OrderId, OrderView> = {
  name: 'orders',
  eventTypes: ORDER_EVENT_TYPES,
  documentsOf: ({ event }) => (event && isOrderEvent(event) ? [{ orderNo: event.data.orderNo }] : []),
  evolve(view, { event, occurredAt }) {
    if (!event || !isOrderEvent(event)) return view;
    const order = evolveOrder(view?.order, event);
    if (!order) return view;
    const base = view ?? { submittedAt: null, approvedAt: null, rejectedAt: null, cancelledAt: null };
    const stamp = order.status !== view?.order.status ? STAMPS[order.status] : undefined;
    return { ...base, order, ...(stamp ? { [stamp]: occurredAt } : {}), updatedAt: occurredAt };
  },
  tables: [
    { spec: ORDERS, idColumns: ['orderNo'], rowsOf: (view) => [orderRowOf(view)] },
    { spec: ITEMS, idColumns: ['orderNo'], rowsOf: itemRowsOf },
  ],
  documentOf(_, [orders, items]) {
    const row = orders?.[0] as OrderRow | undefined;
    return row ? viewOf(row, (items ?? []) as OrderItemRow[]) : null;
  },
};

export const ordersProjection = documentProjection(ordersReadModel);
