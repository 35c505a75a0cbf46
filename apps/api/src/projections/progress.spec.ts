import { describe, expect, it } from 'vitest';
import { describeProgress, progressOf } from './progress.js';

/** PostgreSQL's positions are a gap-free counter; EventStoreDB's are byte offsets, which count nothing. */
const counting = { countEvents: (after: number, upTo: number) => Math.max(upTo - after, 0) };
const offsets = { countEvents: () => null };

describe('progress', () => {
  it('counts events done and to do, and their rate, where positions count them', () => {
    const progress = progressOf(counting, { from: 100, reached: 150, target: 300 }, 10_000);
    expect(progress).toEqual({ fraction: 0.25, done: 50, total: 200, eventsPerSecond: 5, etaSeconds: 30 });
    expect(describeProgress('rebuild of orders', progress)).toBe(
      'rebuild of orders: 25% (50/200 events, 5 events/s), ETA 30 s',
    );
  });

  it('reports byte offsets as a fraction of the way to the head, never as events', () => {
    const progress = progressOf(offsets, { from: 0, reached: 40_000, target: 160_000 }, 2_000);
    expect(progress).toEqual({
      fraction: 0.25,
      done: null,
      total: null,
      eventsPerSecond: null,
      etaSeconds: 6,
    });
    expect(describeProgress('projector catching up', progress)).toBe('projector catching up: 25%, ETA 6 s');
  });

  it('has no ETA before it has moved, and is complete when there is nothing to do', () => {
    expect(progressOf(offsets, { from: 0, reached: 0, target: 500 }, 1_000).etaSeconds).toBeNull();
    expect(progressOf(offsets, { from: 500, reached: 500, target: 500 }, 0)).toMatchObject({
      fraction: 1,
      etaSeconds: null,
    });
  });
});
