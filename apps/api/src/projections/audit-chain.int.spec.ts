import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditScopeOf } from '../queries/audit-trail/audit-scope.js';
import { verifyAudit } from '../queries/audit-trail/verify-audit.query.js';
import type { Database } from '../store/open-database.js';
import { auditHash } from './audit-chain.js';
import { auditLogProjection } from './audit-log.projection.js';
import { toProjectedEvent } from './projection.js';
import { rebuildProjection } from './rebuild.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { openReadModels, projectToHead, quietLog } from './testing/read-model-testing.js';

describe('the audit log hash chain over a generated history', () => {
  let testDb: TestDatabase;
  let store: PostgresEventStore;
  let database: Database;

  const hashes = async () =>
    new Map(
      (
        await database.pool.query<{ position: string; hash: string }>(
          'SELECT position, hash FROM read_models.audit_log',
        )
      ).rows.map((r) => [Number(r.position), r.hash]),
    );

  beforeAll(async () => {
    testDb = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: testDb.url });
    database = await openReadModels(testDb.url);
    // Appended 37 events of a stream at a time, so the streams interleave in the global order.
    await appendHistory(store, generateHistory({ customers: 24, eventsPerCustomer: 90, seed: 11 }), 37);
    await projectToHead(store, database.pool);
  });
  afterAll(async () => {
    await store?.close();
    await database?.close();
    await testDb?.drop();
  });

  it("links each row to the previous event of its own stream, from the store's events", async () => {
    const expected = new Map<number, string>();
    const chains = new Map<string, string>();
    for (const recorded of await store.readAll()) {
      const event = toProjectedEvent(recorded);
      const hash = auditHash(chains.get(event.streamId) ?? null, event);
      chains.set(event.streamId, hash);
      expected.set(event.position, hash);
    }
    expect(chains.size).toBeGreaterThan(24);
    expect(await hashes()).toEqual(expected);
  });

  it("scopes each row on its customer's reseller, and the shared streams on none", async () => {
    const { rows } = await database.pool.query<{ stream: string; owner: string | null; n: number }>(
      `SELECT CASE WHEN a.stream_id IN ('catalog', 'order-numbers') THEN 'shared' WHEN a.stream_id LIKE 'reseller-%' THEN 'reseller' ELSE 'customer' END AS stream,
              CASE WHEN a.reseller_id IS NULL THEN 'none' WHEN a.reseller_id = c.reseller_id THEN 'its customer''s' ELSE a.reseller_id END AS owner,
              count(*)::int AS n
         FROM read_models.audit_log a LEFT JOIN read_models.customers c ON c.customer_id = a.customer_id
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows.map(({ stream, owner }) => [stream, owner])).toEqual([
      ['customer', "its customer's"],
      ['reseller', 'RS-Vertical'],
      ['reseller', 'none'],
      ['shared', 'none'],
    ]);
  });

  it('is reproduced exactly by a rebuild that cuts the history into other batches', async () => {
    const before = await hashes();
    await rebuildProjection(store, database.pool, auditLogProjection, quietLog, { batchSize: 97 });
    expect(await hashes()).toEqual(before);
  });

  it('verifies the same across page boundaries, and finds an edit there too', async () => {
    const scope = await auditScopeOf(database.pool, {
      actor: 'a',
      role: 'auditor',
      resellerId: 'RS-Vertical',
    });
    const whole = await verifyAudit(database.pool, scope);
    expect(whole).toMatchObject({ ok: true, firstBroken: null });
    expect(whole.checked).toBeGreaterThan(1000);
    expect(await verifyAudit(database.pool, scope, 7)).toEqual(whole);

    const target = (
      await database.pool.query<{ position: string; stream_id: string }>(
        `SELECT position, stream_id FROM read_models.audit_log WHERE reseller_id = $1 AND stream_id LIKE 'customer-%'
          ORDER BY position OFFSET 40 LIMIT 1`,
        [scope.resellers[0]],
      )
    ).rows[0]!;
    await database.pool.query(
      `UPDATE read_models.audit_log SET metadata = metadata || '{"actor": "nobody"}' WHERE position = $1`,
      [target.position],
    );
    const broken = {
      ok: false,
      checked: whole.checked,
      firstBroken: { position: Number(target.position), streamId: target.stream_id },
    };
    expect(await verifyAudit(database.pool, scope, 7)).toEqual(broken);
    expect(await verifyAudit(database.pool, scope)).toEqual(broken);
  });
});
