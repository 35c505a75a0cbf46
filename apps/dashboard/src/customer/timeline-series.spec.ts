import { describe, expect, it } from 'vitest';
import { changesByMonth, heldByDay } from './timeline-series';

const days = (...held: number[]) => held.map((h, i) => ({ day: `2026-01-0${i + 1}`, held: h }));

describe('the held-licenses series', () => {
  it('gives one point per day with each package held in the range, and leaves out packages never held', () => {
    const { packages, points } = heldByDay({
      packages: [
        { package: 'Basic', days: days(2, 2, 1) },
        { package: 'Premium', days: days(0, 1, 1) },
        { package: 'Stand Alone VM', days: days(0, 0, 0) },
      ],
    });
    expect(packages).toEqual(['Basic', 'Premium']);
    expect(points).toEqual([
      { day: '2026-01-01', Basic: 2, Premium: 0 },
      { day: '2026-01-02', Basic: 2, Premium: 1 },
      { day: '2026-01-03', Basic: 1, Premium: 1 },
    ]);
  });

  it('is empty for a customer who held nothing', () => {
    expect(heldByDay({ packages: [] })).toEqual({ packages: [], points: [] });
  });
});

describe('adds and returns per month', () => {
  it('sums every package per month, in month order, returns below the axis, quiet months left out', () => {
    expect(
      changesByMonth({
        months: [
          { month: '2026-02', package: 'Basic', adds: 0, returns: 1 },
          { month: '2026-01', package: 'Basic', adds: 7, returns: 0 },
          { month: '2026-02', package: 'Premium', adds: 1, returns: 0 },
          { month: '2026-03', package: 'Basic', adds: 0, returns: 0 },
        ],
      }),
    ).toEqual([
      { month: '2026-01', adds: 7, returns: 0 },
      { month: '2026-02', adds: 1, returns: -1 },
    ]);
  });
});
