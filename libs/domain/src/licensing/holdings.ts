import type { OrderEvent } from './order-events.js';

/**
 * What a customer holds, apart from its orders and users: every package that ever appeared in an
 * order item (with its item group, in order of appearance) and the confirmed licenses ("Now") per
 * package. The account and the inventory read model both fold it with these rules.
 */
export interface Holdings {
  readonly packages: ReadonlyMap<string, string>;
  readonly held: ReadonlyMap<string, number>;
}

/** Holdings being folded: the account's draft carries these maps and changes them in place. */
export interface HoldingsDraft {
  readonly packages: Map<string, string>;
  readonly held: Map<string, number>;
}

export const emptyHoldings = (): Holdings => ({ packages: new Map(), held: new Map() });

/** A copy of `holdings` that can be changed without touching them. */
export const draftHoldings = (holdings: Holdings): HoldingsDraft => ({
  packages: new Map(holdings.packages),
  held: new Map(holdings.held),
});

/** An order item makes its package known; a final confirm sets each item's package to its To Be. Changes `draft` in place. */
export const applyHoldings = (draft: HoldingsDraft, event: OrderEvent): void => {
  switch (event.type) {
    case 'LicenseOrdered':
    case 'LicenseReturned':
      if (!draft.packages.has(event.data.package))
        draft.packages.set(event.data.package, event.data.itemGroup);
      return;
    case 'OrderFinalConfirmed':
      for (const item of event.data.items) draft.held.set(item.package, item.toBe);
      return;
    default:
      return;
  }
};

/** The holdings after `event`, as a new value; `holdings` stay as they were. */
export const evolveHoldings = (holdings: Holdings, event: OrderEvent): Holdings => {
  const draft = draftHoldings(holdings);
  applyHoldings(draft, event);
  return draft;
};
