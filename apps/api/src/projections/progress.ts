import type { EventStore } from '@ledger/event-store';

/**
 * How far a catch-up or a rebuild has got, for the log and for GET /api/projections. Positions
 * count events on PostgreSQL only (on EventStoreDB they are byte offsets in its log), so the event
 * figures are null where the store cannot count; the fraction and the ETA hold on every store.
 */
export interface Progress {
  /** The position reached, as a fraction of the way from where it started to the position to reach. */
  readonly fraction: number;
  /** Events done, events to do in all, and events per second; null where positions do not count events. */
  readonly done: number | null;
  readonly total: number | null;
  readonly eventsPerSecond: number | null;
  /** At the pace the fraction grew so far; null before it has grown. */
  readonly etaSeconds: number | null;
}

/** A run from position `from` towards `target`, now at `reached`. */
export interface Run {
  readonly from: number;
  readonly reached: number;
  readonly target: number;
}

export function progressOf(
  store: Pick<EventStore, 'countEvents'>,
  { from, reached, target }: Run,
  elapsedMs: number,
): Progress {
  const fraction = target > from ? Math.min(Math.max((reached - from) / (target - from), 0), 1) : 1;
  const done = store.countEvents(from, reached);
  const eventsPerSecond = done === null ? null : elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  const etaSeconds =
    fraction > 0 && elapsedMs > 0 ? Math.ceil((elapsedMs * (1 - fraction)) / fraction / 1000) : null;
  return { fraction, done, total: store.countEvents(from, target), eventsPerSecond, etaSeconds };
}

export function describeProgress(
  what: string,
  { fraction, done, total, eventsPerSecond, etaSeconds }: Progress,
): string {
  const events = done === null ? '' : ` (${done}/${total} events, ${eventsPerSecond} events/s)`;
  return `${what}: ${Math.floor(fraction * 100)}%${events}, ETA ${etaSeconds ?? '?'} s`;
}
