import { randomUUID } from 'node:crypto';
import { CATALOG_STREAM, catalogDecider, type CommandMetadata } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from './clock.js';
import { DecisionLoop } from './decision-loop.js';

const metadata: CommandMetadata = { actor: 'alice', role: 'reseller-admin', now: '2026-11-25T10:00:00Z', correlationId: 'c', causationId: 'c' };
const addPackage = (name: string) => ({ type: 'AddPackage' as const, data: { name, itemGroup: 'User License', monthlyPrice: 10 }, metadata });

describe('DecisionLoop with its stream-state cache (real PostgreSQL)', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url, listen: false });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('sees events appended behind its back (another process), and decides on them', async () => {
    const loop = new DecisionLoop(store, new SystemClock());
    await loop.run(CATALOG_STREAM, catalogDecider, addPackage('Basic User With VM'));
    expect((await loop.load(CATALOG_STREAM, catalogDecider)).state.size).toBe(1);

    // Another API process records a package: this loop's cached fold must not hide it.
    await new DecisionLoop(store, new SystemClock()).run(CATALOG_STREAM, catalogDecider, addPackage('Stand Alone VM'));
    const loaded = await loop.load(CATALOG_STREAM, catalogDecider);
    expect([...loaded.state.keys()]).toEqual(['Basic User With VM', 'Stand Alone VM']);
    expect(loaded.revision).toBe(1);
    await expect(loop.run(CATALOG_STREAM, catalogDecider, addPackage('Stand Alone VM'))).rejects.toMatchObject({ type: 'package-exists' });
  });

  it('folds to the same state as a fresh loop after many decisions from two loops', async () => {
    const [a, b] = [new DecisionLoop(store, new SystemClock()), new DecisionLoop(store, new SystemClock())];
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).run(CATALOG_STREAM, catalogDecider, addPackage(`P${i}-${randomUUID()}`))));
    const fresh = await new DecisionLoop(store, new SystemClock()).load(CATALOG_STREAM, catalogDecider);
    for (const loop of [a, b]) {
      const cached = await loop.load(CATALOG_STREAM, catalogDecider);
      expect(cached.revision).toBe(fresh.revision);
      expect(cached.position).toBe(fresh.position);
      expect([...cached.state.keys()]).toEqual([...fresh.state.keys()]);
    }
  });
});
