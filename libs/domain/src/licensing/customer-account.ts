import type { CustomerEvent, CustomerRegistered, UserData } from './events.js';
import type { OrderEvent } from './order-events.js';
import { emptyHoldings, evolveHoldings, type Holdings } from './holdings.js';
import { evolveOrder, type Order } from './order.js';

export type User = UserData;

export type RegisteredAccount = CustomerRegistered['data'] &
  Holdings & {
  readonly status: 'registered';
  readonly orders: ReadonlyMap<string, Order>;
  readonly users: ReadonlyMap<number, User>;
};

export type CustomerAccount = { readonly status: 'unregistered' } | RegisteredAccount;

export const initialAccount = (): CustomerAccount => ({ status: 'unregistered' });

const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> => new Map(map).set(key, value);

const withoutEntry = <K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> => {
  const next = new Map(map);
  next.delete(key);
  return next;
};

const evolveOrderEvent = (account: RegisteredAccount, event: OrderEvent): RegisteredAccount => {
  const order = evolveOrder(account.orders.get(event.data.orderNo), event);
  const orders = order ? withEntry(account.orders, order.orderNo, order) : account.orders;
  const { packages, held } = evolveHoldings(account, event);
  return { ...account, orders, packages, held };
};

const evolveRegistered = (account: RegisteredAccount, event: Exclude<CustomerEvent, CustomerRegistered>): RegisteredAccount => {
  switch (event.type) {
    case 'UserAdded': {
      const { customerId: _, ...user } = event.data;
      return { ...account, users: withEntry(account.users, user.extension, user) };
    }
    case 'PackageChanged': {
      const user = account.users.get(event.data.extension);
      return user ? { ...account, users: withEntry(account.users, user.extension, { ...user, package: event.data.toPackage }) } : account;
    }
    case 'UserRemoved':
      return { ...account, users: withoutEntry(account.users, event.data.extension) };
    default:
      return evolveOrderEvent(account, event);
  }
};

export const evolveAccount = (state: CustomerAccount, event: CustomerEvent): CustomerAccount => {
  if (event.type === 'CustomerRegistered') {
    return { ...event.data, status: 'registered', ...emptyHoldings(), orders: new Map(), users: new Map() };
  }
  return state.status === 'registered' ? evolveRegistered(state, event) : state;
};
