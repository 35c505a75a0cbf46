import { CUSTOMER_EVENT_TYPES } from '@ledger/domain';
import type { ProjectedEvent, Projection } from './projection.js';
import { RowSet, type Sql, type TableSpec } from './row-set.js';

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
    orderNo: 'text',
    customerId: 'text',
    title: 'text',
    type: 'text',
    status: 'text',
    servicePlan: 'text',
    note: 'text',
    orderDate: 'timestamptz',
    changeDate: 'date',
    submittedAt: 'timestamptz',
    approvedAt: 'timestamptz',
    rejectedAt: 'timestamptz',
    rejectReason: 'text',
    cancelledAt: 'timestamptz',
    finalConfirmedAt: 'timestamptz',
    effectiveDate: 'date',
    updatedAt: 'timestamptz',
  },
};

const ITEMS: TableSpec<OrderItemRow> = {
  table: 'order_items',
  key: ['orderNo', 'itemNo'],
  columns: {
    orderNo: 'text',
    itemNo: 'int4',
    itemGroup: 'text',
    package: 'text',
    quantity: 'int4',
    trialDays: 'int4',
    billingAccount: 'text',
    comment: 'text',
    customerPrice: 'numeric',
    actDate: 'date',
    billingStart: 'date',
    nowQuantity: 'int4',
    orderQuantity: 'int4',
    toBeQuantity: 'int4',
  },
};

class OrdersBatch {
  readonly orders = new RowSet(ORDERS);
  readonly items = new RowSet(ITEMS);

  async load(events: readonly ProjectedEvent[], sql: Sql): Promise<void> {
    const touched = events.flatMap((e) => (e.event && 'orderNo' in e.event.data ? [{ orderNo: e.event.data.orderNo }] : []));
    await this.orders.load(sql, ['orderNo'], touched);
    const withItemChanges = events.flatMap((e) =>
      e.event?.type === 'OrderFinalConfirmed' || e.event?.type === 'OrderItemRemoved' ? [{ orderNo: e.event.data.orderNo }] : [],
    );
    await this.items.load(sql, ['orderNo'], withItemChanges);
  }

  update(orderNo: string, occurredAt: string, change: Partial<OrderRow>): void {
    const order = this.orders.get({ orderNo });
    if (order) this.orders.put({ ...order, ...change, updatedAt: occurredAt });
  }

  async flush(sql: Sql): Promise<void> {
    await this.orders.flush(sql);
    await this.items.flush(sql);
  }
}

const applyEvent = (batch: OrdersBatch, { event, occurredAt }: ProjectedEvent): void => {
  if (!event) return;
  switch (event.type) {
    case 'OrderPlaced': {
      const { customerId, orderNo, title, type, orderDate, changeDate, servicePlan, note } = event.data;
      batch.orders.put({
        ...{ orderNo, customerId, title, type, status: 'Temporary', servicePlan, note, orderDate, changeDate },
        ...{ submittedAt: null, approvedAt: null, rejectedAt: null, rejectReason: null, cancelledAt: null, finalConfirmedAt: null },
        ...{ effectiveDate: null, updatedAt: occurredAt },
      });
      return;
    }
    case 'LicenseOrdered':
    case 'LicenseReturned': {
      const { customerId: _, quantity, ...item } = event.data;
      const signed = event.type === 'LicenseOrdered' ? quantity : -quantity;
      batch.items.put({ ...item, quantity: signed, actDate: null, billingStart: null, nowQuantity: null, orderQuantity: null, toBeQuantity: null });
      batch.update(item.orderNo, occurredAt, {});
      return;
    }
    case 'OrderItemRemoved':
      batch.items.remove({ orderNo: event.data.orderNo, itemNo: event.data.itemNo });
      batch.update(event.data.orderNo, occurredAt, {});
      return;
    case 'OrderSubmitted':
      return batch.update(event.data.orderNo, occurredAt, { status: 'Submitted', submittedAt: occurredAt });
    case 'OrderApproved':
      return batch.update(event.data.orderNo, occurredAt, { status: 'Approved', approvedAt: occurredAt });
    case 'OrderRejected':
      return batch.update(event.data.orderNo, occurredAt, { status: 'Rejected', rejectedAt: occurredAt, rejectReason: event.data.reason });
    case 'OrderCancelled':
      return batch.update(event.data.orderNo, occurredAt, { status: 'Cancelled', cancelledAt: occurredAt });
    case 'OrderFinalConfirmed': {
      const { orderNo, confirmedAt, effectiveDate } = event.data;
      batch.update(orderNo, occurredAt, { status: 'FinalConfirmed', finalConfirmedAt: confirmedAt, effectiveDate });
      for (const confirmed of event.data.items) {
        const item = batch.items.get({ orderNo, itemNo: confirmed.itemNo });
        if (!item) continue;
        const { actDate, billingStart, customerPrice, now, order, toBe } = confirmed;
        batch.items.put({ ...item, actDate, billingStart, customerPrice, nowQuantity: now, orderQuantity: order, toBeQuantity: toBe });
      }
      return;
    }
    default:
      return;
  }
};

/** Orders with their items, status and dates; a confirmed item also shows Now, Order, To Be, billing start and price. */
export const ordersProjection: Projection = {
  name: 'orders',
  eventTypes: CUSTOMER_EVENT_TYPES,
  tables: ['orders', 'order_items'],
  async apply(events, sql) {
    const batch = new OrdersBatch();
    await batch.load(events, sql);
    for (const event of events) applyEvent(batch, event);
    await batch.flush(sql);
  },
};
