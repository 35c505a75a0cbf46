import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { newEvents, uniqueName } from '../contract/fixtures.js';
import { createEmbeddedEventStore } from '../create-event-store.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ledger-embedded-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// One connection serialises everything here; the concurrency guarantees are proven on PostgreSQL.
eventStoreContract('embedded PGlite', {
  create: () => createEmbeddedEventStore(join(dataDir, 'contract')),
  concurrencyRounds: 4,
});

describe('embedded PGlite data folder', () => {
  it('keeps the events across a stop and a start', async () => {
    const folder = join(dataDir, 'restart');
    const streamId = uniqueName('kept');
    const first = await createEmbeddedEventStore(folder);
    const result = await first.appendToStream(streamId, newEvents(3), 'no-stream');
    await first.close();
    const second = await createEmbeddedEventStore(folder);
    try {
      expect((await second.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(await second.headPosition()).toBe(result.position);
    } finally {
      await second.close();
    }
  }, 60_000);
});
