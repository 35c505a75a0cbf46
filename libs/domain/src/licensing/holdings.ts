import type { OrderEvent } from './order-events.js';

/**
 * What a customer holds, apart from its orders and users: every package that ever appeared in an
 * order item (with its item group, in order of appearance) and the confirmed licenses ("Now") per
 * package. The account and the inventory read model both fold it with `evolveHoldings`.
 */
export interface Holdings {
  readonly packages: ReadonlyMap<string, string>;
  readonly held: ReadonlyMap<string, number>;
}

export const emptyHoldings = (): Holdings => ({ packages: new Map(), held: new Map() });

/** An order item makes its package known; a final confirm sets each item's package to its To Be. */
export const evolveHoldings = (holdings: Holdings, event: OrderEvent): Holdings => {
  switch (event.type) {
    case 'LicenseOrdered':
    case 'LicenseReturned': {
      const { package: pkg, itemGroup } = event.data;
      return holdings.packages.has(pkg) ? holdings : { ...holdings, packages: new Map(holdings.packages).set(pkg, itemGroup) };
    }
    case 'OrderFinalConfirmed': {
      const held = new Map(holdings.held);
      for (const item of event.data.items) held.set(item.package, item.toBe);
      return { ...holdings, held };
    }
    default:
      return holdings;
  }
};
