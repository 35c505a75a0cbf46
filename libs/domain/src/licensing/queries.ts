import type { CustomerAccount, User } from './customer-account.js';
import type { Order } from './order.js';

export const orderOf = (state: CustomerAccount, orderNo: string): Order | undefined =>
  state.status === 'registered' ? state.orders.get(orderNo) : undefined;

/** The account's users, by extension. */
export const usersOf = (state: CustomerAccount): User[] =>
  state.status === 'registered' ? [...state.users.values()].sort((a, b) => a.extension - b.extension) : [];
