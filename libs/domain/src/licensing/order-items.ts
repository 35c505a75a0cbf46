import { InvalidPrice, InvalidQuantity, InvalidTrialDays, QuantityZero } from '../shared/errors.js';
import type { LicenseOrdered, LicenseReturned, OrderIds, OrderItemFields } from './order-events.js';

/** An order item as a command carries it: `quantity` +N adds, -N returns. */
export type OrderItemInput = OrderItemFields;

const validate = (ids: OrderIds, item: OrderItemInput): void => {
  const at = { ...ids, package: item.package };
  if (item.quantity === 0) throw QuantityZero(at);
  if (!Number.isInteger(item.quantity)) throw InvalidQuantity({ ...at, quantity: item.quantity });
  if (!Number.isInteger(item.trialDays) || item.trialDays < 0) throw InvalidTrialDays({ ...at, trialDays: item.trialDays });
  if (!Number.isFinite(item.customerPrice) || item.customerPrice < 0) throw InvalidPrice({ package: item.package, price: item.customerPrice });
};

/** One LicenseOrdered per add and one LicenseReturned per return, numbered from `firstItemNo`. */
export const itemEvents = (ids: OrderIds, firstItemNo: number, items: readonly OrderItemInput[]): (LicenseOrdered | LicenseReturned)[] =>
  items.map((item, index) => {
    validate(ids, item);
    const data = { ...ids, itemNo: firstItemNo + index, ...item, quantity: Math.abs(item.quantity) };
    return item.quantity > 0 ? { type: 'LicenseOrdered', data } : { type: 'LicenseReturned', data };
  });
