import { evolveByDraft } from '../shared/decider.js';
import type { CustomerEvent, CustomerRegistered, UserData } from './events.js';
import type { OrderEvent } from './order-events.js';
import {
  applyHoldings,
  draftHoldings,
  emptyHoldings,
  type Holdings,
  type HoldingsDraft,
} from './holdings.js';
import { applyOrder, draftOrder, type Order, type OrderDraft } from './order.js';

export type User = UserData;

export type RegisteredAccount = CustomerRegistered['data'] &
  Holdings & {
    readonly status: 'registered';
    readonly orders: ReadonlyMap<string, Order>;
    readonly users: ReadonlyMap<number, User>;
  };

export type CustomerAccount = { readonly status: 'unregistered' } | RegisteredAccount;

export const initialAccount = (): CustomerAccount => ({ status: 'unregistered' });

/** A registered account being folded: its maps are copies, so events change them in place. */
type RegisteredDraft = Omit<RegisteredAccount, 'orders' | 'users' | keyof Holdings> &
  HoldingsDraft & {
    readonly orders: Map<string, Order>;
    readonly users: Map<number, User>;
  };

/**
 * The account being folded, and the orders this fold placed or copied: only those are changed in
 * place. Orders of the state it started from are shared with that state until an event touches
 * them, so drafting costs a copy of the maps, never of every order.
 */
interface AccountDraft<A = { readonly status: 'unregistered' } | RegisteredDraft> {
  readonly account: A;
  readonly owned: Map<string, OrderDraft>;
}

type Registered = AccountDraft<RegisteredDraft>;

const draftAccount = (state: CustomerAccount): AccountDraft => ({
  account:
    state.status === 'registered'
      ? { ...state, ...draftHoldings(state), orders: new Map(state.orders), users: new Map(state.users) }
      : state,
  owned: new Map(),
});

const ownedOrder = ({ account, owned }: Registered, orderNo: string): OrderDraft | undefined => {
  const order = account.orders.get(orderNo);
  return order && (owned.get(orderNo) ?? draftOrder(order));
};

const applyOrderEvent = (draft: Registered, event: OrderEvent): void => {
  const order = applyOrder(ownedOrder(draft, event.data.orderNo), event);
  if (order) {
    draft.owned.set(order.orderNo, order);
    draft.account.orders.set(order.orderNo, order);
  }
  applyHoldings(draft.account, event);
};

const applyRegistered = (draft: Registered, event: Exclude<CustomerEvent, CustomerRegistered>): void => {
  const { users } = draft.account;
  switch (event.type) {
    case 'UserAdded': {
      const { customerId: _, ...user } = event.data;
      users.set(user.extension, user);
      return;
    }
    case 'PackageChanged': {
      const user = users.get(event.data.extension);
      if (user) users.set(user.extension, { ...user, package: event.data.toPackage });
      return;
    }
    case 'UserRemoved':
      users.delete(event.data.extension);
      return;
    default:
      applyOrderEvent(draft, event);
  }
};

const applyAccount = (draft: AccountDraft, event: CustomerEvent): AccountDraft => {
  if (event.type === 'CustomerRegistered') {
    const account: RegisteredDraft = {
      ...event.data,
      status: 'registered',
      ...draftHoldings(emptyHoldings()),
      orders: new Map(),
      users: new Map(),
    };
    return { account, owned: new Map() };
  }
  const { account, owned } = draft;
  if (account.status === 'registered') applyRegistered({ account, owned }, event);
  return draft;
};

/**
 * The account's rules, written once (applyAccount). `evolveAccount` is the pure step: it copies the
 * account's maps and the order an event touches, so it costs O(size) per event; `foldAccount`
 * copies them once and applies a whole stream in place, so a cold load costs O(size + events).
 */
export const { evolve: evolveAccount, evolveAll: foldAccount } = evolveByDraft<
  CustomerEvent,
  CustomerAccount,
  AccountDraft
>({
  draft: draftAccount,
  apply: applyAccount,
  seal: (draft) => draft.account,
});
