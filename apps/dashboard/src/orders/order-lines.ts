import type { OrderDetail } from '../api/types';

export interface OrderLine {
  readonly itemNo: number;
  readonly package: string;
  readonly billingAccount: string;
  readonly trialDays: number;
  readonly now: number;
  readonly order: number;
  readonly toBe: number;
  /** The day billing starts, once confirmed. */
  readonly billingStart: string | null;
}

/**
 * An order's items as the portal shows them: Now, Order (+/-) and To Be. A confirmed order shows
 * what its confirmation recorded; an open one shows the customer's licenses held now and what the
 * order would make of them.
 */
export function orderLines(
  order: Pick<OrderDetail, 'items' | 'confirmedItems'>,
  heldNow: (pkg: string) => number,
): OrderLine[] {
  const confirmed = new Map(order.confirmedItems.map((c) => [c.itemNo, c]));
  return order.items.map((item) => {
    const done = confirmed.get(item.itemNo);
    const now = done ? done.now : heldNow(item.package);
    return {
      itemNo: item.itemNo,
      package: item.package,
      billingAccount: item.billingAccount,
      trialDays: item.trialDays,
      now,
      order: item.quantity,
      toBe: done ? done.toBe : now + item.quantity,
      billingStart: done?.billingStart ?? null,
    };
  });
}

/** An order's change in one line, as lists show it: `Basic User With VM -1, Premium iPECS ONE USER +1`. */
export const itemsSummary = (
  items: readonly { readonly package: string; readonly quantity: number }[],
): string => items.map((i) => `${i.package} ${i.quantity > 0 ? '+' : ''}${i.quantity}`).join(', ');
