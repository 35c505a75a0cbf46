import {
  customerAccountDecider,
  type CustomerEvent,
  customerStream,
  fold,
  inventoryOf,
  usersOf,
} from '@ledger/domain';
import { type NewEvent, PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendHistory, generateHistory } from '../../projections/testing/ledger-history.js';
import { AsOfCheckpoints } from './as-of-checkpoints.js';
import { AS_OF_PAGE, customerAsOf } from './customer-as-of.query.js';

/** Two generated customers of a little over two pages of events; the second one's event SKEWED carries a time a year late. */
const EVENTS = 2 * AS_OF_PAGE + 300;
const SKEWED = 500;
const YEAR_MS = 365 * 24 * 3600 * 1000;

interface Customer {
  readonly customerId: string;
  readonly events: readonly CustomerEvent[];
  readonly times: readonly number[];
}

describe('as-of over a long stream, page by page and from kept prefixes (real PostgreSQL)', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let plain: Customer;
  let skewed: Customer;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url, listen: false });
    const history = generateHistory({ customers: 2, eventsPerCustomer: EVENTS, seed: 3, catalog: false });
    const [first, second] = [...history.customers].map(
      ([customerId, events]): Customer & { recorded: NewEvent[] } => {
        const recorded = history.streams.get(customerStream(customerId)) ?? [];
        return { customerId, events, recorded, times: [] };
      },
    );
    if (!first || !second) throw new Error('the generated history has too few customers');
    const late = second.recorded[SKEWED];
    if (!late) throw new Error('the generated customer is too short');
    // As a replica whose clock runs a year late would record it.
    late.metadata.occurredAt = new Date(Date.parse(String(late.metadata.occurredAt)) + YEAR_MS).toISOString();
    const timesOf = ({ recorded }: { recorded: NewEvent[] }) =>
      recorded.map((event) => Date.parse(String(event.metadata.occurredAt)));
    plain = { ...first, times: timesOf(first) };
    skewed = { ...second, times: timesOf(second) };
    await appendHistory(store, history, 100);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  /** The domain's own fold of a customer's first `count` events, shown as the as-of shows it. */
  const replay = ({ events }: Customer, count: number) => {
    const state = fold(customerAccountDecider, events.slice(0, count));
    return {
      packages: inventoryOf(state),
      users: usersOf(state).map(({ extension, name, site, package: pkg }) => ({
        extension,
        name,
        site,
        package: pkg,
      })),
    };
  };
  const shown = (asOf: Awaited<ReturnType<typeof customerAsOf>>) => ({
    packages: asOf?.packages,
    users: asOf?.users,
  });
  /** A millisecond after the customer's event `index` happened. */
  const justAfter = ({ times }: Customer, index: number) => new Date((times[index] ?? 0) + 1);

  it('folds every event up to the moment across page boundaries, as the domain folds them', async () => {
    for (const index of [
      AS_OF_PAGE - 2,
      AS_OF_PAGE - 1,
      AS_OF_PAGE,
      2 * AS_OF_PAGE + 10,
      plain.events.length - 1,
    ]) {
      const asOf = await customerAsOf(store, plain.customerId, justAfter(plain, index));
      expect(shown(asOf), `after event ${index}`).toEqual(replay(plain, index + 1));
    }
  });

  it('stops at the first event after the moment: a late-stamped event and all after it wait for its time', async () => {
    const before = await customerAsOf(store, skewed.customerId, justAfter(skewed, SKEWED + 100));
    expect(shown(before)).toEqual(replay(skewed, SKEWED));
    const after = await customerAsOf(store, skewed.customerId, justAfter(skewed, SKEWED));
    expect(shown(after)).toEqual(replay(skewed, skewed.events.length));
  });

  it('answers the same from kept prefixes as from the start, and never starts from one past its moment', async () => {
    for (const customer of [plain, skewed]) {
      const checkpoints = new AsOfCheckpoints();
      await customerAsOf(store, customer.customerId, new Date(Math.max(...customer.times) + 1), checkpoints);
      const moments = [
        10,
        SKEWED - 1,
        SKEWED + 100,
        AS_OF_PAGE + 5,
        2 * AS_OF_PAGE + 1,
        customer.events.length - 1,
      ].map((index) => justAfter(customer, index));
      for (const at of [...moments, new Date(0)]) {
        const warm = await customerAsOf(store, customer.customerId, at, checkpoints);
        expect(warm, at.toISOString()).toEqual(await customerAsOf(store, customer.customerId, at));
      }
    }
  });

  it('reads no more than a page once a prefix before the moment is kept', async () => {
    const checkpoints = new AsOfCheckpoints();
    const at = justAfter(plain, plain.events.length - 1);
    await customerAsOf(store, plain.customerId, at, checkpoints);
    const reads: number[] = [];
    const counting = Object.create(store, {
      readStream: {
        value: (...args: Parameters<PostgresEventStore['readStream']>) => (
          reads.push(args[1]?.fromRevision ?? 0),
          store.readStream(...args)
        ),
      },
    }) as PostgresEventStore;
    await customerAsOf(counting, plain.customerId, at, checkpoints);
    expect(reads).toEqual([2 * AS_OF_PAGE]);
  });
});
