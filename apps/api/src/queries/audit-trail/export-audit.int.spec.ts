import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendHistory, generateHistory } from '../../projections/testing/ledger-history.js';
import { openReadModels, projectToHead } from '../../projections/testing/read-model-testing.js';
import type { Database } from '../../store/open-database.js';
import type { AuditFilters } from './audit-filters.js';
import { type AuditScope, auditScopeOf } from './audit-scope.js';
import { auditCsv, openAuditExport, type Queryable } from './export-audit.query.js';
import { listAudit } from './list-audit.query.js';

const PAGE = 100;
const filters = (order: 'asc' | 'desc'): AuditFilters => ({ order });

describe('the audit CSV export streams page by page', () => {
  let testDb: TestDatabase;
  let store: PostgresEventStore;
  let database: Database;
  let scope: AuditScope;

  /** The pool, counting the queries the export makes. */
  const counting = () => {
    const db = {
      queries: 0,
      query: ((...args: Parameters<Queryable['query']>) => (
        db.queries++,
        database.pool.query(...args)
      )) as Queryable['query'],
    };
    return db;
  };
  const everything = async (order: 'asc' | 'desc') =>
    (await listAudit(database.pool, scope, filters(order), { limit: 1000 })).items;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: testDb.url });
    database = await openReadModels(testDb.url);
    await appendHistory(store, generateHistory({ customers: 16, eventsPerCustomer: 70, seed: 5 }), 20);
    await projectToHead(store, database.pool);
    scope = await auditScopeOf(database.pool, { actor: 'a', role: 'auditor', resellerId: 'RS-Vertical' });
  });
  afterAll(async () => {
    await store?.close();
    await database?.close();
    await testDb?.drop();
  });

  it('reads no further ahead than the client takes, then hands over every row in order', async () => {
    const rows = await everything('desc');
    expect(rows.length).toBeGreaterThan(6 * PAGE);
    const db = counting();
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const chunks: string[] = [];
    // A client that takes one chunk and then stops reading until released.
    const client = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        if (chunks.length === 1) void held.then(() => done());
        else done();
      },
    });
    const exported = pipeline(
      Readable.from(await openAuditExport(db, scope, filters('desc'), PAGE)),
      auditCsv(),
      client,
    );
    await sleep(300);
    expect(chunks.length).toBe(1);
    // The snapshot bound and the first page, and at most the pages the streams' buffers hold.
    expect(db.queries).toBeLessThanOrEqual(4);
    release();
    await exported;
    expect(db.queries).toBe(2 + Math.floor(rows.length / PAGE));
    const records = parse(chunks.join(''), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => Number(r.position))).toEqual(rows.map((r) => r.position));
    expect(records.map((r) => r.hash)).toEqual(rows.map((r) => r.hash));
  });

  it('exports the rows there were when it started, however many arrive meanwhile', async () => {
    const rows = await everything('asc');
    const last = rows.at(-1)!;
    const iterator = await openAuditExport(database.pool, scope, filters('asc'), PAGE);
    await database.pool.query(
      `INSERT INTO read_models.audit_log (position, stream_id, type, occurred_at, actor, role, customer_id, reseller_id, order_no, extension, summary, data, metadata, hash)
       SELECT position + 1000000, stream_id, type, occurred_at, actor, role, customer_id, reseller_id, order_no, extension, summary, data, metadata, hash
         FROM read_models.audit_log WHERE position = $1`,
      [last.position],
    );
    const exported: number[] = [];
    for await (const row of iterator) exported.push(row.position);
    expect(exported).toEqual(rows.map((r) => r.position));
    expect((await everything('asc')).at(-1)?.position).toBe(last.position + 1000000);
  });
});
