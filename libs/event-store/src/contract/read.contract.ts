import { beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../port/event-store.js';
import { newEvent, newEvents, uniqueName, type AdapterSemantics } from './fixtures.js';

const LONG_STREAM = 10_000;

export function readContract(store: () => EventStore, semantics: AdapterSemantics): void {
  describe(`readStream of ${LONG_STREAM} events`, () => {
    const streamId = uniqueName('long');
    beforeAll(async () => {
      // Batches keep each append under EventStoreDB's default 1 MB append limit.
      for (let from = 0; from < LONG_STREAM; from += 1_000) {
        await store().appendToStream(streamId, newEvents(1_000), from === 0 ? 'no-stream' : from - 1);
      }
    }, 120_000);

    it('reads forwards from the start', async () => {
      const events = await store().readStream(streamId);
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: LONG_STREAM }, (_, i) => i));
    });

    it('reads backwards from the end', async () => {
      const events = await store().readStream(streamId, { direction: 'backwards' });
      expect(events.map((e) => e.revision)).toEqual(
        Array.from({ length: LONG_STREAM }, (_, i) => LONG_STREAM - 1 - i),
      );
    });

    it('reads forwards from a revision, at most maxCount', async () => {
      const events = await store().readStream(streamId, { fromRevision: 5_000, maxCount: 3 });
      expect(events.map((e) => e.revision)).toEqual([5_000, 5_001, 5_002]);
    });

    it('reads backwards from a revision, at most maxCount', async () => {
      const events = await store().readStream(streamId, {
        direction: 'backwards',
        fromRevision: 5_000,
        maxCount: 3,
      });
      expect(events.map((e) => e.revision)).toEqual([5_000, 4_999, 4_998]);
    });

    it('reads the tail forwards past the end as what is there', async () => {
      const events = await store().readStream(streamId, { fromRevision: LONG_STREAM - 2, maxCount: 10 });
      expect(events.map((e) => e.revision)).toEqual([LONG_STREAM - 2, LONG_STREAM - 1]);
    });
  });

  it('reads an unknown stream as empty', async () => {
    expect(await store().readStream(uniqueName('nothing'))).toEqual([]);
    expect(await store().readStream(uniqueName('nothing'), { direction: 'backwards' })).toEqual([]);
  });

  describe('readAll', () => {
    const prefix = uniqueName('all');
    const [typeA, typeB] = [uniqueName('TypeA'), uniqueName('TypeB')];
    let start = 0;
    beforeAll(async () => {
      start = await store().headPosition();
      await store().appendToStream(`${prefix}-1`, [newEvent(typeA), newEvent(typeB)], 'no-stream');
      await store().appendToStream(`${prefix}-2`, [newEvent(typeA)], 'no-stream');
      await store().appendToStream(uniqueName('other'), [newEvent(typeA), newEvent(typeB)], 'no-stream');
    });

    it('reads every stream after a position in position order', async () => {
      const events = await store().readAll({ after: start });
      expect(events.map((e) => e.type)).toEqual([typeA, typeB, typeA, typeA, typeB]);
      expect(events.at(-1)?.position).toBe(await store().headPosition());
    });

    it('gives each event the same position in its stream as in $all', async () => {
      const inAll = await store().readAll({ after: start, filter: { streamPrefix: prefix } });
      const inStreams = [
        ...(await store().readStream(`${prefix}-1`)),
        ...(await store().readStream(`${prefix}-2`)),
      ];
      expect(inStreams.map((e) => [e.id, e.position])).toEqual(inAll.map((e) => [e.id, e.position]));
    });

    it(`${semantics.positionsCountEvents ? 'counts' : 'does not count'} the events between two positions`, async () => {
      const head = await store().headPosition();
      expect(store().countEvents(start, head)).toBe(semantics.positionsCountEvents ? 5 : null);
    });

    it('reads at most maxCount and continues after the last position read', async () => {
      const first = await store().readAll({ after: start, maxCount: 2 });
      const rest = await store().readAll({ after: first.at(-1)!.position });
      expect([...first, ...rest].map((e) => e.position)).toEqual(
        (await store().readAll({ after: start })).map((e) => e.position),
      );
    });

    it('filters by event types', async () => {
      const events = await store().readAll({ after: start, filter: { eventTypes: [typeB] } });
      expect(events.map((e) => e.type)).toEqual([typeB, typeB]);
    });

    it('filters by stream prefix', async () => {
      const events = await store().readAll({ after: start, filter: { streamPrefix: prefix } });
      expect(events.map((e) => e.streamId)).toEqual([`${prefix}-1`, `${prefix}-1`, `${prefix}-2`]);
    });

    it('filters by event types and stream prefix together, counting maxCount after the filter', async () => {
      const events = await store().readAll({
        after: start,
        maxCount: 1,
        filter: { eventTypes: [typeA], streamPrefix: `${prefix}-2` },
      });
      expect(events.map((e) => [e.streamId, e.type])).toEqual([[`${prefix}-2`, typeA]]);
    });
  });
}
