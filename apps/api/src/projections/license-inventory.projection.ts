import { customerIdOfStream, CUSTOMER_EVENT_TYPES } from '@ledger/domain';
import type { ProjectedEvent, Projection } from './projection.js';
import { RowSet, type Sql, type TableSpec } from './row-set.js';

interface InventoryRow {
  customerId: string;
  package: string;
  itemGroup: string;
  orderedPosition: number | null;
  seenPosition: number;
  held: number;
  pendingAdds: number;
  pendingReturns: number;
  assigned: number;
}

interface PendingItem {
  itemNo: number;
  package: string;
  /** Signed: +N adds, -N returns. */
  quantity: number;
}

interface InventoryOrder {
  orderNo: string;
  customerId: string;
  status: string;
  items: PendingItem[];
}

const INVENTORY: TableSpec<InventoryRow> = {
  table: 'license_inventory',
  key: ['customerId', 'package'],
  columns: {
    customerId: 'text',
    package: 'text',
    itemGroup: 'text',
    orderedPosition: 'int8',
    seenPosition: 'int8',
    held: 'int4',
    pendingAdds: 'int4',
    pendingReturns: 'int4',
    assigned: 'int4',
  },
};

const ORDERS: TableSpec<InventoryOrder> = {
  table: 'license_inventory_orders',
  key: ['orderNo'],
  columns: { orderNo: 'text', customerId: 'text', status: 'text', items: 'jsonb' },
};

const isPending = (status: string): boolean => status === 'Submitted' || status === 'Approved';

/** The batch's working set: the touched customers' inventory rows and the touched orders. */
class InventoryBatch {
  readonly inventory = new RowSet(INVENTORY);
  readonly orders = new RowSet(ORDERS);

  async load(events: readonly ProjectedEvent[], sql: Sql): Promise<void> {
    const customerIds = [...new Set(events.map((e) => customerIdOfStream(e.streamId)).filter((id) => id !== undefined))];
    await this.inventory.load(sql, ['customerId'], customerIds.map((customerId) => ({ customerId })));
    const orderNos = events.flatMap((e) => (e.event && 'orderNo' in e.event.data ? [{ orderNo: e.event.data.orderNo }] : []));
    await this.orders.load(sql, ['orderNo'], orderNos);
  }

  row(customerId: string, pkg: string, position: number): InventoryRow {
    return (
      this.inventory.get({ customerId, package: pkg }) ??
      this.inventory.put({ customerId, package: pkg, itemGroup: '', orderedPosition: null, seenPosition: position, held: 0, pendingAdds: 0, pendingReturns: 0, assigned: 0 })
    );
  }

  change(customerId: string, pkg: string, position: number, change: (row: InventoryRow) => Partial<InventoryRow>): void {
    const row = this.row(customerId, pkg, position);
    this.inventory.put({ ...row, ...change(row) });
  }

  order(orderNo: string): InventoryOrder | undefined {
    return this.orders.get({ orderNo });
  }

  /** Moves an order to `status`, adding or removing its items from the pending counts as it enters or leaves Submitted/Approved. */
  setStatus(orderNo: string, status: string, position: number): void {
    const order = this.order(orderNo);
    if (!order) return;
    const sign = Number(isPending(status)) - Number(isPending(order.status));
    for (const item of sign === 0 ? [] : order.items) {
      this.change(order.customerId, item.package, position, (row) =>
        item.quantity > 0 ? { pendingAdds: row.pendingAdds + sign * item.quantity } : { pendingReturns: row.pendingReturns - sign * item.quantity },
      );
    }
    this.orders.put({ ...order, status });
  }

  async flush(sql: Sql): Promise<void> {
    await this.inventory.flush(sql);
    await this.orders.flush(sql);
  }
}

const applyEvent = (batch: InventoryBatch, { event, position }: ProjectedEvent): void => {
  if (!event) return;
  switch (event.type) {
    case 'OrderPlaced':
      batch.orders.put({ orderNo: event.data.orderNo, customerId: event.data.customerId, status: 'Temporary', items: [] });
      return;
    case 'LicenseOrdered':
    case 'LicenseReturned': {
      const { customerId, orderNo, itemNo, package: pkg, itemGroup, quantity } = event.data;
      batch.change(customerId, pkg, position, (row) => (row.orderedPosition === null ? { orderedPosition: position, itemGroup } : {}));
      const order = batch.order(orderNo);
      const signed = event.type === 'LicenseOrdered' ? quantity : -quantity;
      if (order) batch.orders.put({ ...order, items: [...order.items, { itemNo, package: pkg, quantity: signed }] });
      return;
    }
    case 'OrderItemRemoved': {
      const order = batch.order(event.data.orderNo);
      if (order) batch.orders.put({ ...order, items: order.items.filter((item) => item.itemNo !== event.data.itemNo) });
      return;
    }
    case 'OrderSubmitted':
    case 'OrderApproved':
    case 'OrderRejected':
    case 'OrderCancelled':
      batch.setStatus(event.data.orderNo, event.type.slice('Order'.length), position);
      return;
    case 'OrderFinalConfirmed':
      batch.setStatus(event.data.orderNo, 'FinalConfirmed', position);
      for (const item of event.data.items) batch.change(event.data.customerId, item.package, position, () => ({ held: item.toBe }));
      return;
    case 'UserAdded':
      batch.change(event.data.customerId, event.data.package, position, (row) => ({ assigned: row.assigned + 1 }));
      return;
    case 'PackageChanged':
      batch.change(event.data.customerId, event.data.fromPackage, position, (row) => ({ assigned: row.assigned - 1 }));
      batch.change(event.data.customerId, event.data.toPackage, position, (row) => ({ assigned: row.assigned + 1 }));
      return;
    case 'UserRemoved':
      batch.change(event.data.customerId, event.data.package, position, (row) => ({ assigned: row.assigned - 1 }));
      return;
    default:
      return;
  }
};

/**
 * License inventory per customer and package: held, pending adds and returns, assigned, and the
 * generated To Be, reserved and available columns (the same numbers as the domain's inventoryOf).
 */
export const licenseInventoryProjection: Projection = {
  name: 'license-inventory',
  eventTypes: CUSTOMER_EVENT_TYPES,
  tables: ['license_inventory', 'license_inventory_orders'],
  async apply(events, sql) {
    const batch = new InventoryBatch();
    await batch.load(events, sql);
    for (const event of events) applyEvent(batch, event);
    await batch.flush(sql);
  },
};
