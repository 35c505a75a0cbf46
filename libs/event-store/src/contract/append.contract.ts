import { describe, expect, it } from 'vitest';
import { InvalidAppendError, WrongExpectedRevisionError } from '../port/errors.js';
import type { EventStore, ExpectedRevision, NewEvent } from '../port/event-store.js';
import { newEvent, newEvents, uniqueName, type AdapterSemantics } from './fixtures.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('the append succeeded'),
    (error: unknown) => error,
  );
}

export function appendContract(store: () => EventStore, semantics: AdapterSemantics): void {
  describe('appendToStream', () => {
    it('records the events of one call in order and reports the last revision and position', async () => {
      const streamId = uniqueName('order');
      const events = newEvents(3);
      const result = await store().appendToStream(streamId, events, 'no-stream');
      const read = await store().readStream(streamId);
      expect(read.map((e) => [e.id, e.revision, e.type, e.data])).toEqual(
        events.map((e, i) => [e.id, i, e.type, e.data]),
      );
      expect(result).toEqual({ nextRevision: 2, position: read[2]!.position });
      expect(read[0]!.recordedAt).toBeInstanceOf(Date);
    });

    describe('expected revision', () => {
      const cases: [string, ExpectedRevision, 'new' | 'existing', boolean][] = [
        ['no-stream on a new stream is accepted', 'no-stream', 'new', true],
        ['no-stream on an existing stream conflicts', 'no-stream', 'existing', false],
        ['stream-exists on a new stream conflicts', 'stream-exists', 'new', false],
        ['stream-exists on an existing stream is accepted', 'stream-exists', 'existing', true],
        ['any on a new stream is accepted', 'any', 'new', true],
        ['any on an existing stream is accepted', 'any', 'existing', true],
        ['the last revision is accepted', 1, 'existing', true],
        ['an older revision conflicts', 0, 'existing', false],
        ['a revision on a new stream conflicts', 0, 'new', false],
      ];
      it.each(cases)('%s', async (_, expected, stream, accepted) => {
        const streamId = uniqueName('rev');
        if (stream === 'existing') await store().appendToStream(streamId, newEvents(2), 'no-stream');
        const append = store().appendToStream(streamId, [newEvent()], expected);
        if (accepted) {
          expect((await append).nextRevision).toBe(stream === 'existing' ? 2 : 0);
          return;
        }
        const error = await failure(append);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({
          type: 'concurrency-conflict',
          streamId,
          expectedRevision: expected,
          actualRevision: stream === 'existing' ? 1 : 'no-stream',
        });
        expect(await store().readStream(streamId)).toHaveLength(stream === 'existing' ? 2 : 0);
      });
    });

    it('lets exactly one of ten concurrent appends with the same expected revision win', async () => {
      const streamId = uniqueName('race');
      await store().appendToStream(streamId, [newEvent()], 'no-stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () => store().appendToStream(streamId, newEvents(2), 0)),
      );
      const losers = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason as unknown);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(losers).toHaveLength(9);
      for (const loser of losers) expect(loser).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it('answers a retry with the same event ids with the original result and records nothing', async () => {
      const streamId = uniqueName('retry');
      const events = newEvents(2);
      const first = await store().appendToStream(streamId, events, 'no-stream');
      const head = await store().headPosition();
      expect(await store().appendToStream(streamId, events, 'no-stream')).toEqual(first);
      expect(await store().readStream(streamId)).toHaveLength(2);
      expect(await store().headPosition()).toBe(head);
    });

    it('refuses a retry with the same event ids but another type or data, and records nothing', async () => {
      const streamId = uniqueName('changed');
      const [event] = newEvents(1);
      await store().appendToStream(streamId, [event!], 'no-stream');
      const head = await store().headPosition();
      for (const changed of [{ ...event!, data: { ...event!.data, extra: 1 } }, { ...event!, type: `${event!.type}Changed` }]) {
        const error = await failure(store().appendToStream(streamId, [changed], 'no-stream'));
        expect(error).toMatchObject({ type: 'invalid-append', reason: 'changed-retry' });
      }
      expect(await store().readStream(streamId)).toHaveLength(1);
      expect(await store().headPosition()).toBe(head);
    });

    it('answers a retry with the same ids and content but other metadata (a new request) as the first time', async () => {
      const streamId = uniqueName('retry-metadata');
      const [event] = newEvents(1);
      const first = await store().appendToStream(streamId, [event!], 'no-stream');
      expect(await store().appendToStream(streamId, [{ ...event!, metadata: { retried: true } }], 'no-stream')).toEqual(first);
    });

    describe(`refuses a retry that shares only some event ids with what was recorded (${semantics.partialRetry})`, () => {
      const refusal =
        semantics.partialRetry === 'invalid-append'
          ? { type: 'invalid-append', reason: 'partial-retry' }
          : { type: 'concurrency-conflict', actualRevision: 0 };
      it.each<[string, ExpectedRevision]>([
        ['any', 'any'],
        ['no-stream', 'no-stream'],
      ])('with expected revision %s, recording nothing', async (_, expected) => {
        const streamId = uniqueName('partial');
        const [recorded, fresh] = [newEvent(), newEvent()];
        await store().appendToStream(streamId, [recorded], 'no-stream');
        const error = await failure(store().appendToStream(streamId, [recorded, fresh], expected));
        expect(error).toMatchObject(refusal);
        expect(await store().readStream(streamId)).toHaveLength(1);
      });
    });

    it(`treats an event id recorded in another stream as ${semantics.eventIdsUnique === 'in-store' ? 'a partial retry' : 'a new event there'}`, async () => {
      const [first, second] = [uniqueName('first'), uniqueName('second')];
      const [event] = newEvents(1);
      await store().appendToStream(first, [event!], 'no-stream');
      const append = store().appendToStream(second, [event!], 'no-stream');
      if (semantics.eventIdsUnique === 'in-store') {
        expect(await failure(append)).toMatchObject({ type: 'invalid-append', reason: 'partial-retry' });
        expect(await store().readStream(second)).toEqual([]);
      } else {
        expect((await append).nextRevision).toBe(0);
        expect((await store().readStream(second)).map((e) => e.id)).toEqual([event!.id]);
      }
    });

    describe('refuses bad input with a clear error and records nothing', () => {
      const circular: Record<string, unknown> = { a: 1 };
      circular['self'] = circular;
      const withData = (data: unknown): NewEvent[] => [{ ...newEvent(), data: data as NewEvent['data'] }];
      const cases: [string, string, NewEvent[], unknown, string][] = [
        ['an empty stream id', '', [newEvent()], 'any', 'empty-stream-id'],
        ['a blank stream id', '  ', [newEvent()], 'any', 'empty-stream-id'],
        ['no events', 'x', [], 'any', 'no-events'],
        ['a BigInt in the data', 'x', withData({ amount: 10n }), 'any', 'not-json'],
        ['a circular object in the data', 'x', withData(circular), 'any', 'not-json'],
        ['NaN in the data', 'x', withData({ amount: Number.NaN }), 'any', 'not-json'],
        ['a Date in the data', 'x', withData({ at: new Date() }), 'any', 'not-json'],
        [
          'undefined in the metadata',
          'x',
          [{ ...newEvent(), metadata: { who: undefined } as never }],
          'any',
          'not-json',
        ],
        ['an unknown expected-revision form', 'x', [newEvent()], 'latest', 'unknown-expected-revision'],
        ['a negative expected revision', 'x', [newEvent()], -1, 'unknown-expected-revision'],
        ['a fractional expected revision', 'x', [newEvent()], 1.5, 'unknown-expected-revision'],
        ['an event id that is not a UUID', 'x', [{ ...newEvent(), id: 'event-1' }], 'any', 'bad-event-id'],
        ['the same event id twice', 'x', ((e) => [e, e])(newEvent()), 'any', 'duplicate-event-id'],
        ['an empty event type', 'x', [newEvent('')], 'any', 'bad-event-type'],
      ];
      it.each(cases)('%s', async (_, streamName, events, expected, reason) => {
        const streamId = streamName === 'x' ? uniqueName('bad') : streamName;
        const head = await store().headPosition();
        const error = await failure(store().appendToStream(streamId, events, expected as ExpectedRevision));
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(error).toMatchObject({ type: 'invalid-append', reason });
        expect(await store().headPosition()).toBe(head);
      });
    });
  });
}
