import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../shared/decider.js';
import { customerHistory } from '../testing/customer-arbitraries.js';
import { plain } from '../testing/plain.js';
import { customerAccountDecider } from './customer-account-decider.js';
import { evolveAccount, initialAccount, type CustomerAccount } from './customer-account.js';
import type { CustomerEvent } from './events.js';
import { emptyHoldings, evolveHoldings } from './holdings.js';
import { isOrderEvent } from './order-events.js';
import { evolveOrder, type Order } from './order.js';

/** The pure reference: one evolve per event. Each state is snapshotted the moment it is made. */
const stepByStep = (events: readonly CustomerEvent[]) => {
  const states: CustomerAccount[] = [initialAccount()];
  const snapshots = [plain(states[0])];
  for (const event of events) {
    states.push(evolveAccount(states.at(-1)!, event));
    snapshots.push(plain(states.at(-1)));
  }
  return { states, snapshots };
};

/** Odd corners as well: events of orders never placed, users removed twice, no registration or a second one mid-stream. */
const oddHistory = fc
  .tuple(customerHistory, customerHistory)
  .chain(([first, second]) => fc.subarray([...first, ...second]));
const history = fc.oneof(customerHistory, oddHistory);
const splitHistory = history.chain((events) => fc.tuple(fc.constant(events), fc.nat({ max: events.length })));

const RUNS = { numRuns: 200 };

describe('folding the customer stream', () => {
  it('folds any history in one pass to the account that evolve reaches one event at a time', () => {
    fc.assert(
      fc.property(history, (events) => {
        expect(plain(fold(customerAccountDecider, events))).toEqual(stepByStep(events).snapshots.at(-1));
      }),
      RUNS,
    );
  });

  it('folds the rest of a history onto a state folded before to the same account, and leaves that state as it was', () => {
    fc.assert(
      fc.property(splitHistory, ([events, at]) => {
        const before = fold(customerAccountDecider, events.slice(0, at));
        const snapshot = plain(before);
        const after = fold(customerAccountDecider, events.slice(at), before);
        expect(plain(after)).toEqual(plain(fold(customerAccountDecider, events)));
        expect(plain(before)).toEqual(snapshot);
      }),
      RUNS,
    );
  });

  it('never changes a state evolve was given: every state of a step-by-step fold is still what it was when made', () => {
    fc.assert(
      fc.property(history, (events) => {
        const { states, snapshots } = stepByStep(events);
        expect(states.map(plain)).toEqual(snapshots);
      }),
      RUNS,
    );
  });

  it('holds the orders and holdings that evolveOrder and evolveHoldings fold, as the read models fold them', () => {
    fc.assert(
      fc.property(history, (events) => {
        const account = fold(customerAccountDecider, events);
        if (account.status !== 'registered') return;
        const sinceRegistered = events.slice(
          events.findLastIndex((event) => event.type === 'CustomerRegistered'),
        );
        const orderEvents = sinceRegistered.filter(isOrderEvent);
        const orders = new Map<string, Order>();
        for (const event of orderEvents) {
          const order = evolveOrder(orders.get(event.data.orderNo), event);
          if (order) orders.set(order.orderNo, order);
        }
        const holdings = orderEvents.reduce(evolveHoldings, emptyHoldings());
        expect(plain(account.orders)).toEqual(plain(orders));
        expect(plain({ packages: account.packages, held: account.held })).toEqual(plain(holdings));
      }),
      RUNS,
    );
  });
});
