/** Events done, total, rate and time left, for the log and for GET /api/projections. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly eventsPerSecond: number;
  readonly etaSeconds: number | null;
}

export const progressOf = (done: number, total: number, elapsedMs: number): Progress => {
  const eventsPerSecond = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  const left = Math.max(total - done, 0);
  return { done, total, eventsPerSecond, etaSeconds: eventsPerSecond > 0 ? Math.ceil(left / eventsPerSecond) : null };
};

export const describeProgress = (what: string, { done, total, eventsPerSecond, etaSeconds }: Progress): string =>
  `${what}: ${done}/${total} events (${total > 0 ? Math.floor((done * 100) / total) : 100}%), ${eventsPerSecond} events/s, ETA ${etaSeconds ?? '?'} s`;
