import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/open-database.js';
import { lowestPosition } from './checkpoints.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { killProcess, startProjectorProcess } from './testing/projector-process.js';
import { names, openReadModels, projectToHead, snapshot, waitUntil } from './testing/read-model-testing.js';

const KILLS = 22;

describe('a projector process killed with SIGKILL over and over neither loses nor repeats an event', () => {
  let source: TestDatabase;
  let clean: TestDatabase;
  let store: PostgresEventStore;
  let crashed: Database;
  let rebuilt: Database;
  let eventCount = 0;

  beforeAll(async () => {
    source = await createTestDatabase();
    clean = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: source.url });
    const history = generateHistory({ customers: 170, eventsPerCustomer: 250, seed: 2026 });
    eventCount = history.eventCount;
    await appendHistory(store, history, 100);
    crashed = await openReadModels(source.url);
    rebuilt = await openReadModels(clean.url);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await crashed?.close();
    await rebuilt?.close();
    await source?.drop();
    await clean?.drop();
  });

  it(`catches up over 50,000 events through ${KILLS} kill -9s to exactly what a clean projection gives`, async () => {
    expect(eventCount).toBeGreaterThanOrEqual(50_000);
    const head = await store.headPosition();
    const positions: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const child = await startProjectorProcess(source.url, ['--batch-size=500']);
      // Once this run has committed something, kill it at a random point: mid-read, mid-batch or mid-commit.
      const before = positions.at(-1) ?? 0;
      await waitUntil(async () => (await lowestPosition(crashed.pool, names)) > before, 60_000, 'the projector process to commit a batch');
      await sleep(Math.random() * 250);
      await killProcess(child, 'SIGKILL');
      positions.push(await lowestPosition(crashed.pool, names));
    }
    const last = await startProjectorProcess(source.url);
    try {
      await waitUntil(async () => (await lowestPosition(crashed.pool, names)) >= head, 120_000, 'the projector process to catch up');
    } finally {
      await killProcess(last, 'SIGTERM');
    }
    console.log(`checkpoints after each of ${KILLS} kills (head ${head}): ${positions.join(', ')}`);
    expect(positions.filter((p) => p < head).length).toBeGreaterThanOrEqual(20);

    await projectToHead(store, rebuilt.pool);
    const [afterCrashes, clean] = await Promise.all([snapshot(crashed.pool), snapshot(rebuilt.pool)]);
    for (const table of Object.keys(clean)) {
      expect(afterCrashes[table]?.length, table).toBe(clean[table]?.length);
      expect(afterCrashes[table], table).toEqual(clean[table]);
    }
    expect(afterCrashes['audit_log']).toHaveLength(head);
  }, 300_000);
});
