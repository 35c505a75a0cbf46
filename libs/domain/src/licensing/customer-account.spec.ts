import { describe, expect, it } from 'vitest';
import { fold } from '../shared/decider.js';
import {
  BASIC,
  PREMIUM,
  addUser,
  confirmedOrder,
  item,
  on,
  placeOrder,
  registerDemo,
  run,
} from '../testing/customer-fixtures.js';
import { plain } from '../testing/plain.js';
import { customerAccountDecider } from './customer-account-decider.js';
import { evolveAccount, initialAccount } from './customer-account.js';
import { emptyHoldings, evolveHoldings } from './holdings.js';
import { evolveOrder } from './order.js';
import { orderOf, usersOf } from './queries.js';

const history = run([
  registerDemo(),
  ...confirmedOrder('500001', [item(BASIC, 2)]),
  addUser(297, BASIC),
  addUser(298, BASIC),
  placeOrder('500002', [item(PREMIUM, 1)]),
  on('SubmitOrder', { orderNo: '500002' }),
  on('RemoveUser', { extension: 298 }),
]);
const [placed, premiumOrdered, submitted] = history.slice(-4, -1);

describe('the customer account fold', () => {
  it('folds a stream in one pass to the account evolve reaches one event at a time', () => {
    const stepByStep = history.reduce(evolveAccount, initialAccount());
    expect(plain(fold(customerAccountDecider, history))).toEqual(plain(stepByStep));
  });

  it('folds onto a state folded before without changing it, as the command loop does with its cached states', () => {
    const cached = fold(customerAccountDecider, history.slice(0, -3));
    const later = fold(customerAccountDecider, history.slice(-3), cached);
    expect(orderOf(later, '500002')?.status).toBe('Submitted');
    expect(usersOf(later).map((user) => user.extension)).toEqual([297]);
    expect(orderOf(cached, '500002')?.items).toEqual([]);
    expect(usersOf(cached).map((user) => user.extension)).toEqual([297, 298]);
  });

  it('evolves one event into a new account and leaves the one it was given as it was', () => {
    const before = fold(customerAccountDecider, history.slice(0, -1));
    const snapshot = plain(before);
    evolveAccount(before, history.at(-1)!);
    expect(plain(before)).toEqual(snapshot);
  });

  it('evolveOrder and evolveHoldings, which the read models call per event, leave their input as they were', () => {
    if (
      placed?.type !== 'OrderPlaced' ||
      premiumOrdered?.type !== 'LicenseOrdered' ||
      submitted?.type !== 'OrderSubmitted'
    )
      throw new Error('unexpected history');
    const order = evolveOrder(undefined, placed)!;
    const ordered = evolveOrder(order, premiumOrdered)!;
    expect(evolveOrder(ordered, submitted)?.status).toBe('Submitted');
    expect([order.items.length, ordered.items.length, ordered.status]).toEqual([0, 1, 'Temporary']);
    const holdings = emptyHoldings();
    expect([...evolveHoldings(holdings, premiumOrdered).packages.keys()]).toEqual([PREMIUM]);
    expect(holdings.packages.size).toBe(0);
  });
});
