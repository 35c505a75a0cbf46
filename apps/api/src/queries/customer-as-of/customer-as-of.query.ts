import {
  customerAccountDecider,
  type CustomerEvent,
  customerStream,
  fold,
  inventoryOf,
  isSettled,
  readRecorded,
  type RegisteredAccount,
  usersOf,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { AsOfCheckpoints, FoldedPrefix } from './as-of-checkpoints.js';
import { eventsUpTo } from './events-up-to.js';

/**
 * Events read per round trip, and the spacing of the folded prefixes kept. A stream is read from its
 * start (the port has no time index), so an early moment reads only the first pages.
 */
export const AS_OF_PAGE = 1000;

const NOTHING_FOLDED: FoldedPrefix = {
  state: customerAccountDecider.initialState(),
  revision: -1,
  position: 0,
  latest: -Infinity,
};

/**
 * The customer's stream folded with the write side's own fold, up to `at` (epoch ms, inclusive):
 * from the nearest folded prefix `checkpoints` holds, page by page, keeping each page read in full.
 */
export async function foldUpTo(
  store: EventStore,
  customerId: string,
  at: number,
  checkpoints?: AsOfCheckpoints,
): Promise<FoldedPrefix> {
  const stream = customerStream(customerId);
  let folded = checkpoints?.nearest(stream, at) ?? NOTHING_FOLDED;
  for (;;) {
    const page = await store.readStream(stream, { fromRevision: folded.revision + 1, maxCount: AS_OF_PAGE });
    const { events, ended, latest } = eventsUpTo(page, at);
    const last = events.at(-1);
    if (last) {
      const state = fold(
        customerAccountDecider,
        events.map((event) => readRecorded(event) as CustomerEvent),
        folded.state,
      );
      folded = {
        state,
        revision: last.revision,
        position: last.position,
        latest: Math.max(folded.latest, latest),
      };
    }
    if (ended || page.length < AS_OF_PAGE) return folded;
    checkpoints?.keep(stream, folded);
  }
}

/** The account as API.md shows it as of a moment: the domain's inventory rows, users and orders still open. */
const view = (account: RegisteredAccount, at: string, position: number) => ({
  customerId: account.customerId,
  at,
  packages: inventoryOf(account),
  users: usersOf(account).map(({ extension, name, site, package: pkg }) => ({
    extension,
    name,
    site,
    package: pkg,
  })),
  openOrders: [...account.orders.values()]
    .filter((order) => !isSettled(order))
    .map(({ orderNo, status, items }) => ({ orderNo, status, items })),
  position,
});

export type AccountAsOf = ReturnType<typeof view>;

/** The customer's account as it stood at `at`; undefined when it was not registered yet. */
export async function customerAsOf(
  store: EventStore,
  customerId: string,
  at: Date,
  checkpoints?: AsOfCheckpoints,
): Promise<AccountAsOf | undefined> {
  const { state, position } = await foldUpTo(store, customerId, at.getTime(), checkpoints);
  return state.status === 'registered' ? view(state, at.toISOString(), position) : undefined;
}
