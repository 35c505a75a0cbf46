import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EXPECTED_ANY,
  EXPECTED_NO_STREAM,
  EXPECTED_STREAM_EXISTS,
  EsdbLog,
  type ProposedEvent,
} from './esdb-log.js';

const proposed = (): ProposedEvent => ({
  id: randomUUID(),
  type: 'Happened',
  contentType: 'application/json',
  data: Buffer.from('{"a":1}'),
  metadata: new Uint8Array(),
});

/** A log whose stream `s` holds two events, returned with them. */
function twoEvents(): { log: EsdbLog; recorded: ProposedEvent[] } {
  const log = new EsdbLog();
  const recorded = [proposed(), proposed()];
  log.append('s', EXPECTED_NO_STREAM, recorded);
  return { log, recorded };
}

// https://developers.eventstore.com/clients/dotnet/20.10/appending/optimistic-concurrency-and-idempotence.html#idempotence
describe('the log, on an append to a stream at revision 1', () => {
  it('writes when the expected version is the current one', () => {
    const { log } = twoEvents();
    expect(log.append('s', 1, [proposed()])).toMatchObject({ result: 'written', lastRevision: 2 });
  });

  it('refuses an expected version above the current one', () => {
    const { log } = twoEvents();
    expect(log.append('s', 5, [proposed()])).toEqual({
      result: 'wrong-expected-version',
      currentRevision: 1,
    });
  });

  it.each([
    ['below the current one, all recorded from there', EXPECTED_NO_STREAM, 'all', 'idempotent'],
    ['below the current one, none recorded', 0, 'none', 'wrong-expected-version'],
    ['below the current one, some recorded', EXPECTED_NO_STREAM, 'some', 'wrong-expected-version'],
    ['any, all recorded', EXPECTED_ANY, 'all', 'idempotent'],
    ['any, none recorded', EXPECTED_ANY, 'none', 'written'],
    ['any, some recorded', EXPECTED_ANY, 'some', 'wrong-expected-version'],
    ['stream-exists, all recorded', EXPECTED_STREAM_EXISTS, 'all', 'idempotent'],
  ] as const)('with an expected version %s: %s', (_, expected, ids, result) => {
    const { log, recorded } = twoEvents();
    const events = { all: recorded, none: [proposed()], some: [recorded[0]!, proposed()] }[ids];
    expect(log.append('s', expected, events)).toMatchObject({ result });
  });

  it('answers a duplicate with the revision and position of the recorded events', () => {
    const log = new EsdbLog();
    const events = [proposed(), proposed()];
    const first = log.append('s', EXPECTED_NO_STREAM, events);
    expect(log.append('s', EXPECTED_NO_STREAM, events)).toEqual({ ...first, result: 'idempotent' });
  });

  it('checks event ids per stream: the same id in another stream is another event', () => {
    const { log, recorded } = twoEvents();
    expect(log.append('t', EXPECTED_NO_STREAM, [recorded[0]!])).toMatchObject({
      result: 'written',
      lastRevision: 0,
    });
  });

  it('refuses stream-exists on a stream that has no event', () => {
    expect(new EsdbLog().append('s', EXPECTED_STREAM_EXISTS, [proposed()])).toEqual({
      result: 'wrong-expected-version',
      currentRevision: -1,
    });
  });
});

describe('the log positions', () => {
  it('are byte offsets: each event starts where the one before it ended, so they grow by its size', () => {
    const log = new EsdbLog();
    const small = proposed();
    const large = { ...proposed(), data: Buffer.alloc(1_000, 1) };
    log.append('s', EXPECTED_ANY, [small, large, proposed()]);
    const [a, b, c] = log.readAll('start', 'forwards', 3);
    expect(b!.position - a!.position).toBeGreaterThan(small.data.length);
    expect(c!.position - b!.position).toBeGreaterThan(1_000);
  });

  it('read forwards from a position include the event there, backwards start before it', () => {
    const log = new EsdbLog();
    log.append('s', EXPECTED_ANY, [proposed(), proposed(), proposed()]);
    const [, second] = log.readAll('start', 'forwards', 3);
    expect(log.readAll(second!.position, 'forwards', 10).map((e) => e.revision)).toEqual([1, 2]);
    expect(log.readAll(second!.position, 'backwards', 10).map((e) => e.revision)).toEqual([0]);
  });
});
