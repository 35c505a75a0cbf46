import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { toRecordedEvent } from './esdb-mapping.js';

const recorded = (commit: bigint): EsdbRecordedEvent => ({
  streamId: 'order-1',
  id: '5f0f0b39-6f7e-4a7e-9c43-3d2c8a9f2b11',
  revision: 0n,
  type: 'OrderPlaced',
  data: { a: 1 },
  metadata: undefined,
  isJson: true,
  created: new Date(0),
  position: { commit, prepare: commit },
});

describe('an EventStoreDB event as the port records it', () => {
  it('takes its commit position as its position', () => {
    expect(toRecordedEvent(recorded(4_711n))).toMatchObject({
      position: 4_711,
      revision: 0,
      data: { a: 1 },
      metadata: {},
    });
  });

  // The client always gives a position object: a field the server left out reads as 0, and servers
  // spell "no position" 2^64 - 1. Neither is where an event is; a made-up one breaks every checkpoint.
  it.each([
    ['0, a field the server left out', 0n],
    ['2^64 - 1, "no position"', 2n ** 64n - 1n],
  ])('refuses a position of %s', (_, commit) => {
    expect(() => toRecordedEvent(recorded(commit))).toThrow(/no \$all position/);
  });
});
