import { initialAccount } from '@ledger/domain';
import { describe, expect, it } from 'vitest';
import { AsOfCheckpoints, type FoldedPrefix } from './as-of-checkpoints.js';

const prefix = (revision: number, latest: number): FoldedPrefix => ({
  state: initialAccount(),
  revision,
  position: revision + 1,
  latest,
});

describe('kept prefixes of as-of folds', () => {
  it('gives the longest prefix whose events all happened by the moment, whatever order they were kept in', () => {
    const kept = new AsOfCheckpoints();
    kept.keep('customer-A', prefix(1999, 200));
    kept.keep('customer-A', prefix(999, 100));
    expect(kept.nearest('customer-A', 99)).toBeUndefined();
    expect(kept.nearest('customer-A', 100)?.revision).toBe(999);
    expect(kept.nearest('customer-A', 250)?.revision).toBe(1999);
    expect(kept.nearest('customer-B', 250)).toBeUndefined();
  });

  it('keeps one prefix per revision: the first one stays', () => {
    const kept = new AsOfCheckpoints();
    const first = prefix(999, 100);
    kept.keep('customer-A', first);
    kept.keep('customer-A', prefix(999, 100));
    expect(kept.nearest('customer-A', 100)).toBe(first);
  });

  it('forgets the stream used least recently once 64 streams are kept', () => {
    const kept = new AsOfCheckpoints();
    for (let i = 0; i < 64; i++) kept.keep(`customer-${i}`, prefix(999, 100));
    expect(kept.nearest('customer-0', 100)).toBeDefined();
    kept.keep('customer-64', prefix(999, 100));
    expect(kept.nearest('customer-1', 100)).toBeUndefined();
    expect(kept.nearest('customer-0', 100)).toBeDefined();
    expect(kept.nearest('customer-64', 100)).toBeDefined();
  });
});
