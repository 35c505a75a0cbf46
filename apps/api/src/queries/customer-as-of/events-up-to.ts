import type { RecordedEvent } from '@ledger/event-store';

/** When an event happened: the command's time its metadata records, else when the store recorded it. */
export const occurredAtOf = (event: RecordedEvent): number => {
  const { occurredAt } = event.metadata;
  return typeof occurredAt === 'string' ? Date.parse(occurredAt) : event.recordedAt.getTime();
};

export interface EventsUpTo {
  readonly events: readonly RecordedEvent[];
  /** An event after `at` was met: the stream needs reading no further. */
  readonly ended: boolean;
  /** The latest time (epoch ms) among `events`; -Infinity for none. */
  readonly latest: number;
}

/**
 * The events of a stream's page that happened up to `at` (inclusive, epoch ms): from the page's
 * first event until the first one after `at`. A prefix because a stream's order is its truth: a
 * prefix folds to a state the account really had, where skipping one event whose time is out of
 * order (two replicas' clocks a little apart) and folding a later one could make a state it never had.
 */
export const eventsUpTo = (page: readonly RecordedEvent[], at: number): EventsUpTo => {
  let latest = -Infinity;
  for (const [index, event] of page.entries()) {
    const time = occurredAtOf(event);
    if (!(time <= at)) return { events: page.slice(0, index), ended: true, latest };
    latest = Math.max(latest, time);
  }
  return { events: page, ended: false, latest };
};
