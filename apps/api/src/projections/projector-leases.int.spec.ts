import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resellerStream } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/open-database.js';
import { lowestPosition } from './checkpoints.js';
import { ProjectionLeases } from './projection-leases.js';
import { Projector } from './projector.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { killProcess, startProjectorProcess } from './testing/projector-process.js';
import { names, openReadModels, quietLog, waitUntil } from './testing/read-model-testing.js';

/** Which process (by the pid in its lease connection's application_name) holds each projection's lease. */
async function leaseHolders(url: string): Promise<Set<number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const held = await client.query<{ application_name: string }>(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'ledger-projector %'`,
    );
    expect(held.rows).toHaveLength(names.length);
    return new Set(held.rows.map((row) => Number(row.application_name.split(' ').at(-1))));
  } finally {
    await client.end();
  }
}

/** Events every projection sees (and ignores but for customers): new resellers on streams of their own. */
async function moreEvents(store: PostgresEventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const resellerId = `RS-${randomUUID()}`;
    const metadata = { actor: 'operator@carrier', role: 'operator', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: 'c', schemaVersion: 1 };
    await store.appendToStream(resellerStream(resellerId), [{ id: randomUUID(), type: 'ResellerRegistered', data: { resellerId, name: 'R', parentResellerId: null }, metadata }], 'no-stream');
  }
}

describe('one active projector per projection across processes', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let readModels: Database;
  const children: ChildProcess[] = [];

  const caughtUp = async (what: string) => {
    const head = await store.headPosition();
    await waitUntil(async () => (await lowestPosition(readModels.pool, names)) >= head, 60_000, what);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url });
    readModels = await openReadModels(database.url);
  });
  afterAll(async () => {
    for (const child of children) await killProcess(child, 'SIGKILL');
    await readModels?.close();
    await store?.close();
    await database?.drop();
  });

  it('in one process pair: only the lease holder applies; the standby takes over when the holder stops', async () => {
    const applied = [0, 0];
    const projectors = applied.map(
      (_, i) => new Projector(store, readModels.pool, quietLog, { leases: new ProjectionLeases(database.url), watchEveryMs: 200, onApplied: (_name, n) => (applied[i]! += n) }),
    );
    await projectors[0]!.start();
    await projectors[1]!.start();
    await appendHistory(store, generateHistory({ customers: 4, eventsPerCustomer: 60, seed: 3 }), 40);
    await caughtUp('the holder to catch up');
    expect(applied[0]).toBeGreaterThan(0);
    expect(applied[1]).toBe(0);

    await projectors[0]!.stop();
    await moreEvents(store, 30);
    await caughtUp('the standby to take over');
    expect(applied[1]).toBeGreaterThan(0);
    await projectors[1]!.stop();
  });

  it('two projector processes: one holds every lease; killed with SIGKILL, the other takes over within seconds and nothing is lost', async () => {
    children.push(await startProjectorProcess(database.url));
    children.push(await startProjectorProcess(database.url));
    await moreEvents(store, 30);
    await caughtUp('the processes to catch up');
    const [holder] = [...(await leaseHolders(database.url))];
    const active = children.find((child) => child.pid === holder);
    const standby = children.find((child) => child.pid !== holder);
    expect(active).toBeDefined();
    expect(await leaseHolders(database.url)).toEqual(new Set([holder]));

    await killProcess(active!, 'SIGKILL');
    const killedAt = Date.now();
    await moreEvents(store, 30);
    await caughtUp('the standby process to take over');
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(await leaseHolders(database.url)).toEqual(new Set([standby!.pid]));
  });
});
