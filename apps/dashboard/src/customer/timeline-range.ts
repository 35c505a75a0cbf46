export const TIMELINE_RANGES = { '3m': 91, '12m': 365, '24m': 730 } as const;
export type TimelineRange = keyof typeof TIMELINE_RANGES;

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The [from, to] days of a range ending today (UTC, as the API counts days). */
export function rangeDays(range: TimelineRange, today: Date): { from: string; to: string } {
  const from = new Date(today.getTime() - (TIMELINE_RANGES[range] - 1) * 86_400_000);
  return { from: day(from), to: day(today) };
}

export const isTimelineRange = (value: string): value is TimelineRange => value in TIMELINE_RANGES;
