import type { CustomerAccount, RegisteredAccount } from './customer-account.js';
import { isPending, type Order } from './order.js';

export interface InventoryRow {
  readonly package: string;
  readonly itemGroup: string;
  /** Confirmed licenses ("Now"). */
  readonly held: number;
  readonly pendingAdds: number;
  readonly pendingReturns: number;
  /** held + pendingAdds - pendingReturns */
  readonly toBe: number;
  readonly assigned: number;
  /** Returned by a Submitted or Approved order: no user can take them. */
  readonly reserved: number;
  /** held - assigned - reserved: the number in brackets in the portal. */
  readonly available: number;
}

/** What a package's inventory row is computed from, besides the licenses held. */
export interface InventoryCounts {
  readonly pendingAdds: number;
  readonly pendingReturns: number;
  readonly assigned: number;
}

export interface PendingCounts {
  pendingAdds: number;
  pendingReturns: number;
}

/** Pending adds and returns per package: the items of Submitted and Approved orders (the others count nowhere). */
export const pendingCountsOf = (orders: Iterable<Order>): Map<string, PendingCounts> => {
  const counts = new Map<string, PendingCounts>();
  for (const order of orders) {
    if (!isPending(order)) continue;
    for (const item of order.items) {
      const of = counts.get(item.package) ?? { pendingAdds: 0, pendingReturns: 0 };
      counts.set(item.package, of);
      if (item.quantity > 0) of.pendingAdds += item.quantity;
      else of.pendingReturns -= item.quantity;
    }
  }
  return counts;
};

const NONE: InventoryCounts = { pendingAdds: 0, pendingReturns: 0, assigned: 0 };

/** A package's row: To Be, reserved and available follow from what is held, pending and assigned. */
export const inventoryRow = (pkg: string, itemGroup: string, held: number, counts: Partial<InventoryCounts> = NONE): InventoryRow => {
  const { pendingAdds, pendingReturns, assigned } = { ...NONE, ...counts };
  return {
    package: pkg,
    itemGroup,
    held,
    pendingAdds,
    pendingReturns,
    toBe: held + pendingAdds - pendingReturns,
    assigned,
    reserved: pendingReturns,
    available: held - assigned - pendingReturns,
  };
};

/** Held licenses no user is on: the available ones plus those a pending return reserves (what a fleet view calls idle). */
export const idleLicenses = ({ held, assigned }: Pick<InventoryRow, 'held' | 'assigned'>): number => held - assigned;

const assignedOf = (account: RegisteredAccount): Map<string, number> => {
  const assigned = new Map<string, number>();
  for (const user of account.users.values()) assigned.set(user.package, (assigned.get(user.package) ?? 0) + 1);
  return assigned;
};

const rowFor = (account: RegisteredAccount, pkg: string, itemGroup: string, pending: Map<string, PendingCounts>, assigned: Map<string, number>): InventoryRow =>
  inventoryRow(pkg, itemGroup, account.held.get(pkg) ?? 0, { ...pending.get(pkg), assigned: assigned.get(pkg) ?? 0 });

/** One row per package that ever appeared in the account, in order of appearance. */
export const inventoryOf = (state: CustomerAccount): InventoryRow[] => {
  if (state.status !== 'registered') return [];
  const pending = pendingCountsOf(state.orders.values());
  const assigned = assignedOf(state);
  const packages = new Map(state.packages);
  for (const user of state.users.values()) if (!packages.has(user.package)) packages.set(user.package, '');
  return [...packages].map(([pkg, itemGroup]) => rowFor(state, pkg, itemGroup, pending, assigned));
};

export const inventoryRowOf = (account: RegisteredAccount, pkg: string): InventoryRow =>
  rowFor(account, pkg, account.packages.get(pkg) ?? '', pendingCountsOf(account.orders.values()), assignedOf(account));

export const availableOf = (account: RegisteredAccount, pkg: string): number => inventoryRowOf(account, pkg).available;
