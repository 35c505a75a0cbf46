import type { CustomerEvent, CustomerRegistered, UserData } from './events.js';
import type { OrderEvent } from './order-events.js';
import { evolveOrder, type Order } from './order.js';

export type User = UserData;

export type RegisteredAccount = CustomerRegistered['data'] & {
  readonly status: 'registered';
  /** Every package that ever appeared in the account, with its item group, in order of appearance. */
  readonly packages: ReadonlyMap<string, string>;
  /** Licenses held (confirmed, "Now") per package. */
  readonly held: ReadonlyMap<string, number>;
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

const knowPackage = (packages: ReadonlyMap<string, string>, pkg: string, itemGroup: string): ReadonlyMap<string, string> =>
  packages.has(pkg) ? packages : withEntry(packages, pkg, itemGroup);

const evolveHeldAndPackages = (account: RegisteredAccount, event: OrderEvent): RegisteredAccount => {
  if (event.type === 'LicenseOrdered' || event.type === 'LicenseReturned') {
    return { ...account, packages: knowPackage(account.packages, event.data.package, event.data.itemGroup) };
  }
  if (event.type === 'OrderFinalConfirmed') {
    const held = new Map(account.held);
    for (const item of event.data.items) held.set(item.package, item.toBe);
    return { ...account, held };
  }
  return account;
};

const evolveOrderEvent = (account: RegisteredAccount, event: OrderEvent): RegisteredAccount => {
  const order = evolveOrder(account.orders.get(event.data.orderNo), event);
  const orders = order ? withEntry(account.orders, order.orderNo, order) : account.orders;
  return evolveHeldAndPackages({ ...account, orders }, event);
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
    return { ...event.data, status: 'registered', packages: new Map(), held: new Map(), orders: new Map(), users: new Map() };
  }
  return state.status === 'registered' ? evolveRegistered(state, event) : state;
};
