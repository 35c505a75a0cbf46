import type { RecordedEvent } from '@ledger/event-store';
import { describe, expect, it } from 'vitest';
import { eventsUpTo, occurredAtOf } from './events-up-to.js';

const event = (
  revision: number,
  occurredAt: string | undefined,
  recordedAt = '2023-10-24T00:00:00.000Z',
): RecordedEvent => ({
  id: `e${revision}`,
  streamId: 'customer-C000000150',
  revision,
  position: 100 + revision,
  type: 'OrderSubmitted',
  data: {},
  metadata: occurredAt === undefined ? {} : { occurredAt },
  recordedAt: new Date(recordedAt),
});

const at = (time: string) => Date.parse(time);
const revisions = (page: readonly RecordedEvent[]) => page.map((e) => e.revision);

describe('events up to a moment', () => {
  const page = [
    event(0, '2023-10-24T10:00:00.000Z'),
    event(1, '2023-10-24T11:00:00.000Z'),
    event(2, '2023-10-24T12:00:00.000Z'),
  ];

  it('keeps the events that happened at or before the moment, the moment itself included', () => {
    const upTo = eventsUpTo(page, at('2023-10-24T11:00:00.000Z'));
    expect(revisions(upTo.events)).toEqual([0, 1]);
    expect(upTo.ended).toBe(true);
  });

  it('keeps the whole page, not ended, when every event happened before the moment', () => {
    const upTo = eventsUpTo(page, at('2023-10-24T12:00:00.001Z'));
    expect(revisions(upTo.events)).toEqual([0, 1, 2]);
    expect(upTo.ended).toBe(false);
  });

  it('keeps nothing, ended, for a moment before the first event', () => {
    expect(eventsUpTo(page, at('2023-10-24T09:59:59.999Z'))).toEqual({
      events: [],
      ended: true,
      latest: -Infinity,
    });
  });

  it('compares moments, not texts: an offset names the same instant as its UTC time', () => {
    expect(revisions(eventsUpTo(page, at('2023-10-24T13:00:00+02:00')).events)).toEqual([0, 1]);
  });

  it('stops at the first event after the moment, even if a later one carries an earlier time', () => {
    const skewed = [
      event(0, '2023-10-24T10:00:00.000Z'),
      event(1, '2023-10-24T10:00:02.000Z'),
      event(2, '2023-10-24T10:00:01.000Z'),
    ];
    expect(revisions(eventsUpTo(skewed, at('2023-10-24T10:00:01.500Z')).events)).toEqual([0]);
  });

  it('names the latest time among the events kept, not the last one, so a later moment can start after them', () => {
    const skewed = [event(0, '2023-10-24T10:00:02.000Z'), event(1, '2023-10-24T10:00:01.000Z')];
    expect(eventsUpTo(skewed, at('2023-10-24T11:00:00.000Z')).latest).toBe(at('2023-10-24T10:00:02.000Z'));
    expect(eventsUpTo(page, at('2023-10-24T11:30:00.000Z')).latest).toBe(at('2023-10-24T11:00:00.000Z'));
  });

  it('takes the time the store recorded for an event without occurredAt, and stops at one whose time cannot be read', () => {
    expect(occurredAtOf(event(0, undefined, '2023-10-24T08:00:00.000Z'))).toBe(
      at('2023-10-24T08:00:00.000Z'),
    );
    const unreadable = [event(0, '2023-10-24T10:00:00.000Z'), event(1, 'yesterday')];
    expect(eventsUpTo(unreadable, at('2023-10-25T00:00:00.000Z'))).toMatchObject({
      ended: true,
      events: [unreadable[0]],
    });
  });
});
