import type { CustomerAccount, RegisteredAccount } from './customer-account.js';
import { isPending } from './order.js';

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

interface Counts {
  pendingAdds: number;
  pendingReturns: number;
  assigned: number;
}

const countsOf = (account: RegisteredAccount): Map<string, Counts> => {
  const counts = new Map<string, Counts>();
  const of = (pkg: string): Counts => {
    const found = counts.get(pkg);
    if (found) return found;
    const fresh = { pendingAdds: 0, pendingReturns: 0, assigned: 0 };
    counts.set(pkg, fresh);
    return fresh;
  };
  for (const order of account.orders.values()) {
    if (!isPending(order)) continue;
    for (const item of order.items) {
      if (item.quantity > 0) of(item.package).pendingAdds += item.quantity;
      else of(item.package).pendingReturns -= item.quantity;
    }
  }
  for (const user of account.users.values()) of(user.package).assigned += 1;
  return counts;
};

const rowOf = (pkg: string, itemGroup: string, held: number, counts: Counts | undefined): InventoryRow => {
  const { pendingAdds, pendingReturns, assigned } = counts ?? { pendingAdds: 0, pendingReturns: 0, assigned: 0 };
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

/** One row per package that ever appeared in the account, in order of appearance. */
export const inventoryOf = (state: CustomerAccount): InventoryRow[] => {
  if (state.status !== 'registered') return [];
  const counts = countsOf(state);
  const packages = new Map(state.packages);
  for (const user of state.users.values()) if (!packages.has(user.package)) packages.set(user.package, '');
  return [...packages].map(([pkg, itemGroup]) => rowOf(pkg, itemGroup, state.held.get(pkg) ?? 0, counts.get(pkg)));
};

export const inventoryRowOf = (account: RegisteredAccount, pkg: string): InventoryRow =>
  rowOf(pkg, account.packages.get(pkg) ?? '', account.held.get(pkg) ?? 0, countsOf(account).get(pkg));

export const availableOf = (account: RegisteredAccount, pkg: string): number => inventoryRowOf(account, pkg).available;
