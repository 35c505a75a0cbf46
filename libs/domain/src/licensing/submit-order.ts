import { ReturnExceedsUnassigned } from '../shared/errors.js';
import type { RegisteredAccount } from './customer-account.js';
import { availableOf } from './inventory.js';
import type { OrderEvent } from './order-events.js';
import { decideOrder, type OrderContext } from './order-lifecycle.js';
import type { SubmitOrder } from './order-status-commands.js';
import type { Order } from './order.js';

const returnsByPackage = (order: Order): Map<string, number> => {
  const returns = new Map<string, number>();
  for (const item of order.items) if (item.quantity < 0) returns.set(item.package, (returns.get(item.package) ?? 0) - item.quantity);
  return returns;
};

/**
 * The order's own rules (Temporary, has items), then the account's: a return can only take licenses
 * that are unassigned and not already reserved. From submission on, the returned licenses are reserved.
 */
export const submitOrder = (command: SubmitOrder, account: RegisteredAccount, context: OrderContext): OrderEvent[] => {
  const { customerId, orderNo } = command.data;
  const order = account.orders.get(orderNo);
  const events = decideOrder(command, order, context);
  for (const [pkg, returning] of order ? returnsByPackage(order) : []) {
    const available = availableOf(account, pkg);
    if (returning > available) throw ReturnExceedsUnassigned({ customerId, orderNo, package: pkg, returning, available });
  }
  return events;
};
