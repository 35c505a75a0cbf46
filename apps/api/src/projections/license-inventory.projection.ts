import {
  CUSTOMER_EVENT_TYPES,
  customerIdOfStream,
  emptyHoldings,
  evolveHoldings,
  evolveOrder,
  type Holdings,
  inventoryRow,
  isOrderEvent,
  isSettled,
  type Order,
  pendingCountsOf,
} from '@ledger/domain';
import { type DocumentReadModel, documentProjection } from './document-projection.js';
import type { ProjectedEvent } from './projection.js';
import type { TableSpec } from './row-set.js';

/**
 * What a customer's inventory rows are computed from, with the domain's own rules: the holdings
 * (evolveHoldings), the orders that can still become pending (evolveOrder; settled ones count
 * nowhere, so they are dropped) and the number of users per package.
 */
export interface CustomerInventory {
  readonly customerId: string;
  readonly holdings: Holdings;
  readonly openOrders: ReadonlyMap<string, Order>;
  readonly assigned: ReadonlyMap<string, number>;
  /** Position of the first order item naming each package: the domain's order of appearance. */
  readonly orderedAt: ReadonlyMap<string, number>;
  /** Position where each package first showed in the inventory (also a user's package never ordered). */
  readonly seenAt: ReadonlyMap<string, number>;
}

interface CustomerId {
  customerId: string;
}

interface InventoryRow {
  customerId: string;
  package: string;
  itemGroup: string;
  orderedPosition: number | null;
  seenPosition: number;
  held: number;
  pendingAdds: number;
  pendingReturns: number;
  toBe: number;
  assigned: number;
  reserved: number;
  available: number;
}

interface OpenOrderRow {
  orderNo: string;
  customerId: string;
  orderState: Order;
}

const INVENTORY: TableSpec<InventoryRow> = {
  table: 'license_inventory',
  key: ['customerId', 'package'],
  columns: {
    ...{ customerId: 'text', package: 'text', itemGroup: 'text', orderedPosition: 'int8', seenPosition: 'int8', held: 'int4' },
    ...{ pendingAdds: 'int4', pendingReturns: 'int4', toBe: 'int4', assigned: 'int4', reserved: 'int4', available: 'int4' },
  },
};

const OPEN_ORDERS: TableSpec<OpenOrderRow> = {
  table: 'license_inventory_orders',
  key: ['orderNo'],
  columns: { orderNo: 'text', customerId: 'text', orderState: 'jsonb' },
};

const emptyInventory = (customerId: string): CustomerInventory => ({
  customerId,
  holdings: emptyHoldings(),
  openOrders: new Map(),
  assigned: new Map(),
  orderedAt: new Map(),
  seenAt: new Map(),
});

const firstAt = (positions: ReadonlyMap<string, number>, pkg: string, position: number): ReadonlyMap<string, number> =>
  positions.has(pkg) ? positions : new Map(positions).set(pkg, position);

const count = (assigned: ReadonlyMap<string, number>, pkg: string, by: number): ReadonlyMap<string, number> =>
  new Map(assigned).set(pkg, (assigned.get(pkg) ?? 0) + by);

/** The packages an event brings into the inventory. */
const packagesOf = ({ event }: ProjectedEvent): string[] => {
  switch (event?.type) {
    case 'LicenseOrdered':
    case 'LicenseReturned':
    case 'UserAdded':
      return [event.data.package];
    case 'PackageChanged':
      return [event.data.toPackage];
    case 'OrderFinalConfirmed':
      return event.data.items.map((item) => item.package);
    default:
      return [];
  }
};

const evolveOrders = (inventory: CustomerInventory, projected: ProjectedEvent): CustomerInventory => {
  const { event, position } = projected;
  if (!event || !isOrderEvent(event)) return inventory;
  const order = evolveOrder(inventory.openOrders.get(event.data.orderNo), event);
  const openOrders = new Map(inventory.openOrders);
  if (order && !isSettled(order)) openOrders.set(order.orderNo, order);
  else openOrders.delete(event.data.orderNo);
  const named = event.type === 'LicenseOrdered' || event.type === 'LicenseReturned' ? event.data.package : undefined;
  const orderedAt = named === undefined ? inventory.orderedAt : firstAt(inventory.orderedAt, named, position);
  return { ...inventory, openOrders, holdings: evolveHoldings(inventory.holdings, event), orderedAt };
};

const evolveAssigned = (assigned: ReadonlyMap<string, number>, { event }: ProjectedEvent): ReadonlyMap<string, number> => {
  switch (event?.type) {
    case 'UserAdded':
      return count(assigned, event.data.package, 1);
    case 'PackageChanged':
      return count(count(assigned, event.data.fromPackage, -1), event.data.toPackage, 1);
    case 'UserRemoved':
      return count(assigned, event.data.package, -1);
    default:
      return assigned;
  }
};

/** The rows the inventory shows: every package ever ordered, and the packages users are on. */
const inventoryRowsOf = (inventory: CustomerInventory): InventoryRow[] => {
  const pending = pendingCountsOf(inventory.openOrders.values());
  const { packages, held } = inventory.holdings;
  const shown = [...packages.keys(), ...[...inventory.assigned].filter(([pkg, n]) => n !== 0 && !packages.has(pkg)).map(([pkg]) => pkg)];
  return shown.map((pkg) => ({
    customerId: inventory.customerId,
    orderedPosition: inventory.orderedAt.get(pkg) ?? null,
    seenPosition: inventory.seenAt.get(pkg) ?? inventory.orderedAt.get(pkg) ?? 0,
    ...inventoryRow(pkg, packages.get(pkg) ?? '', held.get(pkg) ?? 0, { ...pending.get(pkg), assigned: inventory.assigned.get(pkg) ?? 0 }),
  }));
};

const inventoryOfRows = (customerId: string, rows: readonly InventoryRow[], orders: readonly OpenOrderRow[]): CustomerInventory => {
  const ordered = rows.filter((row) => row.orderedPosition !== null).sort((a, b) => (a.orderedPosition ?? 0) - (b.orderedPosition ?? 0));
  return {
    customerId,
    holdings: { packages: new Map(ordered.map((row) => [row.package, row.itemGroup])), held: new Map(rows.map((row) => [row.package, row.held])) },
    openOrders: new Map(orders.map((row) => [row.orderNo, row.orderState])),
    assigned: new Map(rows.map((row) => [row.package, row.assigned])),
    orderedAt: new Map(ordered.map((row) => [row.package, row.orderedPosition ?? 0])),
    seenAt: new Map(rows.map((row) => [row.package, row.seenPosition])),
  };
};

/**
 * License inventory per customer and package: held, pending adds and returns, To Be, assigned,
 * reserved and available, each computed by the domain's inventoryRow, the numbers inventoryOf gives.
 */
export const licenseInventoryReadModel: DocumentReadModel<CustomerId, CustomerInventory> = {
  name: 'license-inventory',
  eventTypes: CUSTOMER_EVENT_TYPES,
  documentsOf: ({ streamId, event }) => {
    const customerId = event ? customerIdOfStream(streamId) : undefined;
    return customerId === undefined ? [] : [{ customerId }];
  },
  evolve(current, projected) {
    const customerId = customerIdOfStream(projected.streamId);
    if (customerId === undefined) return current;
    const inventory = evolveOrders(current ?? emptyInventory(customerId), projected);
    const seenAt = packagesOf(projected).reduce((seen, pkg) => firstAt(seen, pkg, projected.position), inventory.seenAt);
    return { ...inventory, assigned: evolveAssigned(inventory.assigned, projected), seenAt };
  },
  tables: [
    { spec: INVENTORY, idColumns: ['customerId'], rowsOf: inventoryRowsOf },
    {
      spec: OPEN_ORDERS,
      idColumns: ['customerId'],
      rowsOf: ({ customerId, openOrders }) => [...openOrders.values()].map((orderState) => ({ orderNo: orderState.orderNo, customerId, orderState })),
    },
  ],
  documentOf: ({ customerId }, [rows, orders]) =>
    rows?.length || orders?.length ? inventoryOfRows(customerId, (rows ?? []) as InventoryRow[], (orders ?? []) as OpenOrderRow[]) : null,
};

export const licenseInventoryProjection = documentProjection(licenseInventoryReadModel);
