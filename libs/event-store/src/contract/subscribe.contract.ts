import { describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '../port/event-store.js';
import { follow, isStrictlyIncreasing, newEvents, uniqueName } from './fixtures.js';

const WRITERS = 20;
const APPENDS_PER_WRITER = 10;

export function subscribeContract(store: () => EventStore, rounds: number): void {
  describe('subscribeToAll', () => {
    it('catches up, then goes live, and ends when its signal aborts', async () => {
      const prefix = uniqueName('live');
      const after = await store().headPosition();
      await store().appendToStream(`${prefix}-1`, newEvents(3), 'no-stream');
      const controller = new AbortController();
      const received: RecordedEvent[] = [];
      const consumed = (async () => {
        for await (const event of store().subscribeToAll({
          after,
          filter: { streamPrefix: prefix },
          signal: controller.signal,
        })) {
          received.push(event);
          if (received.length === 3) void store().appendToStream(`${prefix}-2`, newEvents(2), 'no-stream');
          if (received.length === 5) controller.abort();
        }
      })();
      await consumed; // the loop ending at all is the point: an aborted subscription must not hang
      expect(received.map((e) => e.streamId)).toEqual([
        ...Array(3).fill(`${prefix}-1`),
        ...Array(2).fill(`${prefix}-2`),
      ]);
    });

    it('ends when its signal aborts while it waits for new events', async () => {
      const controller = new AbortController();
      const after = await store().headPosition();
      const received: RecordedEvent[] = [];
      setTimeout(() => controller.abort(), 200);
      const filter = { streamPrefix: uniqueName('quiet') };
      for await (const event of store().subscribeToAll({ after, filter, signal: controller.signal }))
        received.push(event);
      expect(received).toEqual([]);
    });

    it('resumed from its checkpoint, misses and repeats nothing', async () => {
      const prefix = uniqueName('resume');
      const after = await store().headPosition();
      const written = [...newEvents(15), ...newEvents(15)];
      await store().appendToStream(`${prefix}-a`, written.slice(0, 15), 'no-stream');
      await store().appendToStream(`${prefix}-b`, written.slice(15), 'no-stream');
      const filter = { streamPrefix: prefix };
      const before = await follow(store(), { after, filter }, (received) => received.length === 12);
      const later = newEvents(10);
      await store().appendToStream(`${prefix}-a`, later, 14);
      const checkpoint = before.at(-1)!.position;
      const resumed = await follow(
        store(),
        { after: checkpoint, filter },
        (received) => received.length === 28,
      );
      expect([...before, ...resumed].map((e) => e.id)).toEqual([...written, ...later].map((e) => e.id));
    });

    it(`follows ${WRITERS} concurrent writers: every event once, in increasing position, none skipped (${rounds} rounds)`, async () => {
      for (let round = 0; round < rounds; round += 1) {
        const prefix = uniqueName(`round${round}`);
        // One to three events per append, prepared up front so the subscriber knows when it has all.
        const batches = Array.from({ length: WRITERS }, () =>
          Array.from({ length: APPENDS_PER_WRITER }, (_, append) => newEvents(1 + (append % 3))),
        );
        const expected = new Set(batches.flat(2).map((e) => e.id));
        const after = await store().headPosition();
        // Subscribing before the writers start makes the subscriber read while transactions commit.
        const subscriber = follow(
          store(),
          { after, filter: { streamPrefix: prefix } },
          (r) => r.length === expected.size,
        );
        await Promise.all(
          batches.map(async (appends, writer) => {
            for (const events of appends) await store().appendToStream(`${prefix}-${writer}`, events, 'any');
          }),
        );
        const received = await subscriber;
        expect(received.length, `round ${round}`).toBe(expected.size);
        expect(new Set(received.map((e) => e.id)), `round ${round}`).toEqual(expected);
        expect(isStrictlyIncreasing(received.map((e) => e.position)), `round ${round}`).toBe(true);
      }
    }, 60_000);
  });
}
