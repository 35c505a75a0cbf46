import type { Command } from '../shared/decider.js';
import { addDays, laterDate, utcDateOf } from '../shared/dates.js';
import { HeldBelowZero } from '../shared/errors.js';
import type { ConfirmedItem, OrderFinalConfirmed } from './order-events.js';
import type { Order } from './order.js';

export type FinalConfirmOrder = Command<'FinalConfirmOrder', { readonly customerId: string; readonly orderNo: string }>;

/**
 * Makes the items real. Now/Order/To Be are computed in item order, so two items on one package chain.
 * The held-below-zero guard cannot trip while returns are reserved at submission, but it must exist.
 */
export const finalConfirmOrder = (command: FinalConfirmOrder, order: Order, held: (pkg: string) => number): OrderFinalConfirmed => {
  const { customerId, orderNo } = order;
  const confirmedAt = command.metadata.now;
  const effectiveDate = laterDate(order.changeDate, utcDateOf(confirmedAt));
  const running = new Map<string, number>();
  const items = order.items.map((item): ConfirmedItem => {
    const now = running.get(item.package) ?? held(item.package);
    const toBe = now + item.quantity;
    if (toBe < 0) throw HeldBelowZero({ customerId, orderNo, package: item.package, now, order: item.quantity });
    running.set(item.package, toBe);
    const { itemNo, itemGroup, billingAccount, customerPrice, trialDays } = item;
    return {
      itemNo,
      itemGroup,
      package: item.package,
      billingAccount,
      actDate: effectiveDate,
      billingStart: addDays(effectiveDate, trialDays),
      customerPrice,
      now,
      order: item.quantity,
      toBe,
      trialDays,
    };
  });
  return { type: 'OrderFinalConfirmed', data: { customerId, orderNo, confirmedAt, effectiveDate, items } };
};
