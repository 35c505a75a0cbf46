import { fold, customerAccountDecider, inventoryOf, licensePeriods } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/open-database.js';
import { appendHistory, generateHistory, type LedgerHistory } from './testing/ledger-history.js';
import { openReadModels, projectToHead } from './testing/read-model-testing.js';

describe('read models projected from a generated history agree with the domain', () => {
  let testDb: TestDatabase;
  let store: PostgresEventStore;
  let database: Database;
  let history: LedgerHistory;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: testDb.url });
    database = await openReadModels(testDb.url);
    history = generateHistory({ customers: 30, eventsPerCustomer: 120, seed: 7 });
    await appendHistory(store, history, 37);
    await projectToHead(store, database.pool);
  });
  afterAll(async () => {
    await store?.close();
    await database?.close();
    await testDb?.drop();
  });

  it('gives every customer the inventory inventoryOf folds from its stream', async () => {
    for (const [customerId, events] of history.customers) {
      const expected = inventoryOf(fold(customerAccountDecider, events));
      const rows = await database.pool.query(
        `SELECT package, item_group AS "itemGroup", held, pending_adds AS "pendingAdds", pending_returns AS "pendingReturns",
                to_be AS "toBe", assigned, reserved, available
           FROM read_models.license_inventory WHERE customer_id = $1`,
        [customerId],
      );
      const byPackage = (a: { package: string }, b: { package: string }) => a.package.localeCompare(b.package);
      expect(rows.rows.sort(byPackage), customerId).toEqual([...expected].sort(byPackage));
    }
  });

  it('gives every customer the license periods of the billing rules', async () => {
    for (const [customerId, events] of history.customers) {
      const expected = licensePeriods(events).map((p) => ({ ...p }));
      const rows = await database.pool.query(
        `SELECT package, billing_start::text AS "billingStart", end_date::text AS "end", customer_price::float8 AS "customerPrice",
                order_no AS "orderNo", returned_on::text AS "returnedOn"
           FROM read_models.license_periods WHERE customer_id = $1 ORDER BY license_no`,
        [customerId],
      );
      expect(rows.rows, customerId).toEqual(expected);
    }
  });

  it('keeps one audit row per event and the users and orders of every stream', async () => {
    const audit = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM read_models.audit_log');
    expect(audit.rows[0]?.n).toBe(history.eventCount);
    for (const [customerId, events] of history.customers) {
      const account = fold(customerAccountDecider, events);
      if (account.status !== 'registered') continue;
      const users = await database.pool.query('SELECT extension, package FROM read_models.users WHERE customer_id = $1 ORDER BY extension', [customerId]);
      expect(users.rows).toEqual([...account.users.values()].sort((a, b) => a.extension - b.extension).map((u) => ({ extension: u.extension, package: u.package })));
      const orders = await database.pool.query('SELECT order_no, status FROM read_models.orders WHERE customer_id = $1 ORDER BY order_no', [customerId]);
      expect(orders.rows).toEqual([...account.orders.values()].map((o) => ({ order_no: o.orderNo, status: o.status })).sort((a, b) => a.order_no.localeCompare(b.order_no)));
    }
  });
});
