/**
 * What the embedded engine costs against the real server, measured in one run:
 * `npm run bench -w @ledger/event-store`. Each group compares the two; vitest prints the ratio.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { newEvent, newEvents, uniqueName } from '../src/contract/fixtures.js';
import { createEmbeddedEventStore } from '../src/create-event-store.js';
import type { EventStore } from '../src/port/event-store.js';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-database.js';

const stores: Record<'postgres' | 'embedded', EventStore | undefined> = { postgres: undefined, embedded: undefined };
const readStreams: Record<string, string> = {};
const readAfter: Record<string, number> = {};
let database: TestDatabase | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
  stores.postgres = await PostgresEventStore.connect({ connectionString: database.url });
  stores.embedded = await createEmbeddedEventStore(dataDir);
  for (const [name, store] of Object.entries(stores)) {
    readAfter[name] = await store!.headPosition();
    readStreams[name] = uniqueName('read');
    await store!.appendToStream(readStreams[name], newEvents(100), 'no-stream');
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(stores).map((store) => store?.close()));
  await database?.drop();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

const options = { time: 2_000, warmupTime: 300 };
const engines = ['postgres', 'embedded'] as const;

describe('append one event to a new stream', () => {
  for (const engine of engines) {
    bench(engine, async () => {
      await stores[engine]!.appendToStream(uniqueName('bench'), [newEvent()], 'no-stream');
    }, options);
  }
});

describe('20 concurrent appends of one event, each to its own stream', () => {
  for (const engine of engines) {
    bench(engine, async () => {
      await Promise.all(
        Array.from({ length: 20 }, () => stores[engine]!.appendToStream(uniqueName('bench'), [newEvent()], 'no-stream')),
      );
    }, options);
  }
});

describe('read a stream of 100 events', () => {
  for (const engine of engines) {
    bench(engine, async () => {
      await stores[engine]!.readStream(readStreams[engine]!);
    }, options);
  }
});

describe('readAll 100 events after a position', () => {
  for (const engine of engines) {
    bench(engine, async () => {
      await stores[engine]!.readAll({ after: readAfter[engine]!, maxCount: 100 });
    }, options);
  }
});
