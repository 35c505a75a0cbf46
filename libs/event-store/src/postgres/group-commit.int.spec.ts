import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent, newEvents, uniqueName } from '../contract/fixtures.js';
import { ConcurrencyConflictError, InvalidAppendError, WrongExpectedRevisionError } from '../port/errors.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createPgPool } from './pg-pool.js';
import { PostgresEventStore } from './postgres-event-store.js';

/**
 * Group commit on the real PostgreSQL. Appends made while a batch commits form the next batch:
 * the first of a burst goes alone, the rest of the burst goes together, so these bursts put the
 * cases below in one batch.
 */
describe('PostgreSQL group commit', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let connections = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool(database.url, 10);
    await PostgresEventStore.migrate(pool);
    // Counts checkouts (pool.query checks out through connect with a callback, so pass everything on).
    const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
    pool.connect = ((...args: unknown[]) => {
      connections++;
      return connect(...args);
    }) as typeof pool.connect;
    store = new PostgresEventStore(pool);
  });
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await database?.drop();
  });

  /** A first append that takes the batch slot, so the appends after it wait and commit together. */
  const opener = () => store.appendToStream(uniqueName('opener'), newEvents(1), 'no-stream');

  it('commits a burst of 100 appends in a few transactions, each with its own gap-free position', async () => {
    const before = connections;
    const head = await store.headPosition();
    const results = await Promise.all(Array.from({ length: 100 }, () => store.appendToStream(uniqueName('burst'), newEvents(2), 'no-stream')));
    expect(connections - before).toBeLessThan(10);
    expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => head + 2 * (i + 1)));
    expect(await store.headPosition()).toBe(head + 200);
  });

  it('checks two appends to one stream in one batch in order: the second sees the first', async () => {
    const streamId = uniqueName('in-order');
    const [, first, second, stale] = await Promise.allSettled([
      opener(),
      store.appendToStream(streamId, newEvents(1), 'no-stream'),
      store.appendToStream(streamId, newEvents(2), 0),
      store.appendToStream(streamId, newEvents(1), 0),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { nextRevision: 0 } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { nextRevision: 2 } });
    expect(stale.status).toBe('rejected');
    expect((stale as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((stale as PromiseRejectedResult).reason).toMatchObject({ actualRevision: 2 });
    expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it('fails a wrong expected revision alone: the rest of its batch is recorded', async () => {
    const taken = uniqueName('taken');
    await store.appendToStream(taken, newEvents(1), 'no-stream');
    const others = [uniqueName('other'), uniqueName('other')];
    const [, refused, ...recorded] = await Promise.allSettled([
      opener(),
      store.appendToStream(taken, newEvents(1), 'no-stream'),
      ...others.map((streamId) => store.appendToStream(streamId, newEvents(1), 'no-stream')),
    ]);
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(recorded.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    for (const streamId of others) expect(await store.readStream(streamId)).toHaveLength(1);
    expect(await store.readStream(taken)).toHaveLength(1);
  });

  it('answers a retry in the same batch as the first time, and refuses a changed one alone', async () => {
    const streamId = uniqueName('retried');
    const events = newEvents(2);
    const changed = events.map((event) => ({ ...event, data: { changed: true } }));
    const [, original, retry, refused, other] = await Promise.allSettled([
      opener(),
      store.appendToStream(streamId, events, 'no-stream'),
      store.appendToStream(streamId, events, 'no-stream'),
      store.appendToStream(streamId, changed, 'any'),
      store.appendToStream(uniqueName('other'), newEvents(1), 'no-stream'),
    ]);
    expect(retry).toEqual(original);
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ reason: 'changed-retry' });
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(InvalidAppendError);
    expect(other.status).toBe('fulfilled');
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('fails an append the database refuses alone, and records the rest of its batch', async () => {
    // JSON that PostgreSQL's jsonb cannot hold (U+0000): the whole batch fails, then each append goes alone.
    const bad = { ...newEvent(), data: { text: 'nul \u0000 here' } };
    const fine = uniqueName('fine');
    const [, refused, recorded] = await Promise.allSettled([
      opener(),
      store.appendToStream(uniqueName('bad'), [bad], 'no-stream'),
      store.appendToStream(fine, newEvents(1), 'no-stream'),
    ]);
    expect(refused.status).toBe('rejected');
    expect(recorded.status).toBe('fulfilled');
    expect(await store.readStream(fine)).toHaveLength(1);
  });

  it('turns a lock wait past lock_timeout into a retryable concurrency conflict, recording nothing', async () => {
    await pool.query("ALTER FUNCTION event_store.append_batch(jsonb) SET lock_timeout = '200ms'");
    const blocker = await pool.connect();
    const head = await store.headPosition();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT last FROM event_store.position FOR UPDATE');
      const stuck = store.appendToStream(uniqueName('stuck'), newEvents(1), 'no-stream');
      await expect(stuck).rejects.toBeInstanceOf(ConcurrencyConflictError);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
      await pool.query("ALTER FUNCTION event_store.append_batch(jsonb) SET lock_timeout = '10s'");
    }
    expect(await store.headPosition()).toBe(head);
  });
});
