import type { Timeline } from '../api/types';

export interface HeldPoint {
  readonly day: string;
  readonly [pkg: string]: number | string;
}

/**
 * One point per day with each package's held licenses, for a stacked area chart. Packages held on no
 * day of the range are left out, so the legend lists only what the customer had.
 */
export function heldByDay(timeline: Pick<Timeline, 'packages'>): { packages: string[]; points: HeldPoint[] } {
  const packages = timeline.packages.filter((p) => p.days.some((d) => d.held > 0));
  const days = packages[0]?.days.map((d) => d.day) ?? [];
  const points = days.map((day, index) => {
    const point: Record<string, number | string> = { day };
    for (const p of packages) point[p.package] = p.days[index]?.held ?? 0;
    return point as HeldPoint;
  });
  return { packages: packages.map((p) => p.package), points };
}

export interface MonthChange {
  readonly month: string;
  readonly adds: number;
  /** Negative, so returns draw below the axis. */
  readonly returns: number;
}

/** Adds and returns per month over every package, months in order, months with no change left out. */
export function changesByMonth(timeline: Pick<Timeline, 'months'>): MonthChange[] {
  const months = new Map<string, { adds: number; returns: number }>();
  for (const row of timeline.months) {
    const month = months.get(row.month) ?? { adds: 0, returns: 0 };
    month.adds += row.adds;
    month.returns += row.returns;
    months.set(row.month, month);
  }
  return [...months.entries()]
    .filter(([, m]) => m.adds > 0 || m.returns > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({ month, adds: m.adds, returns: m.returns ? -m.returns : 0 }));
}
