import { describe, expect, it } from 'vitest';
import {
  BASIC,
  PREMIUM,
  confirmedOrder,
  item,
  placeOrder,
  registerDemo,
  run,
} from '../testing/customer-fixtures.js';
import type { CustomerEvent } from './events.js';
import { evolvePackageTimeline, type TimelineDay } from './license-timeline.js';
import type { OrderItemInput } from './order-items.js';

/** An order with change date `changeDate`, final confirmed at noon UTC of `confirmedOn`. */
const confirmed = (
  orderNo: string,
  items: readonly OrderItemInput[],
  changeDate: string,
  confirmedOn: string,
) =>
  confirmedOrder(orderNo, items, { now: `${confirmedOn}T12:00:00.000Z` }).map((command) =>
    command.type === 'PlaceOrder' ? placeOrder(orderNo, items, changeDate) : command,
  );

const timelineOf = (events: readonly CustomerEvent[], pkg: string): TimelineDay[] =>
  events.reduce<TimelineDay[]>(
    (days, event) => (event.type === 'OrderFinalConfirmed' ? evolvePackageTimeline(days, event, pkg) : days),
    [],
  );

const story = (...orders: ReturnType<typeof confirmed>[]) => run([registerDemo(), ...orders.flat()]);

describe('license timeline by effective date', () => {
  it('counts a change from the final confirm when the change date has passed', () => {
    const events = story(confirmed('500001', [item(BASIC, 2)], '2023-10-01', '2023-10-24'));
    expect(timelineOf(events, BASIC)).toEqual([{ day: '2023-10-24', adds: 2, returns: 0, held: 2 }]);
  });

  it('schedules a change for a change date in the future: held from that day on', () => {
    const events = story(confirmed('500001', [item(PREMIUM, 3)], '2023-11-15', '2023-10-24'));
    expect(timelineOf(events, PREMIUM)).toEqual([{ day: '2023-11-15', adds: 3, returns: 0, held: 3 }]);
  });

  it('counts by effective date when an order confirmed first takes effect last (To Be would not)', () => {
    const events = story(
      confirmed('500001', [item(BASIC, 1)], '2023-10-01', '2023-10-01'),
      confirmed('500002', [item(BASIC, 2)], '2023-12-01', '2023-10-10'),
      confirmed('500003', [item(BASIC, 1)], '2023-10-20', '2023-10-20'),
    );
    expect(timelineOf(events, BASIC)).toEqual([
      { day: '2023-10-01', adds: 1, returns: 0, held: 1 },
      { day: '2023-10-20', adds: 1, returns: 0, held: 2 },
      { day: '2023-12-01', adds: 2, returns: 0, held: 4 },
    ]);
  });

  it('ends returned licenses on the return effective date', () => {
    const events = story(
      confirmed('500001', [item(BASIC, 3)], '2023-10-01', '2023-10-01'),
      confirmed('500002', [item(BASIC, -1)], '2023-09-01', '2023-10-24'),
    );
    expect(timelineOf(events, BASIC)).toEqual([
      { day: '2023-10-01', adds: 3, returns: 0, held: 3 },
      { day: '2023-10-24', adds: 0, returns: 1, held: 2 },
    ]);
  });

  it('returns licenses not yet in effect first, the latest scheduled first', () => {
    const events = story(
      confirmed('500001', [item(BASIC, 1)], '2023-10-01', '2023-10-01'),
      confirmed('500002', [item(BASIC, 2)], '2023-11-01', '2023-10-05'),
      confirmed('500003', [item(BASIC, 1)], '2023-12-01', '2023-10-06'),
      confirmed('500004', [item(BASIC, -2)], '2023-10-10', '2023-10-10'),
    );
    expect(timelineOf(events, BASIC)).toEqual([
      { day: '2023-10-01', adds: 1, returns: 0, held: 1 },
      { day: '2023-11-01', adds: 1, returns: 0, held: 2 },
    ]);
  });

  it('takes the rest of a return from the licenses in effect, so the count never goes below zero', () => {
    const events = story(
      confirmed('500001', [item(BASIC, 1)], '2023-10-01', '2023-10-01'),
      confirmed('500002', [item(BASIC, 2)], '2023-11-01', '2023-10-05'),
      confirmed('500003', [item(BASIC, -3)], '2023-10-10', '2023-10-10'),
    );
    expect(timelineOf(events, BASIC)).toEqual([
      { day: '2023-10-01', adds: 1, returns: 0, held: 1 },
      { day: '2023-10-10', adds: 0, returns: 1, held: 0 },
    ]);
  });

  it("leaves other packages' items out, and adds and returns of one day on one row", () => {
    const events = story(
      confirmed('500001', [item(BASIC, 1), item(PREMIUM, 1)], '2023-10-01', '2023-10-01'),
      confirmed('500002', [item(PREMIUM, 2), item(BASIC, -1)], '2023-10-24', '2023-10-24'),
      confirmed('500003', [item(PREMIUM, -1)], '2023-10-24', '2023-10-24'),
    );
    expect(timelineOf(events, BASIC)).toEqual([
      { day: '2023-10-01', adds: 1, returns: 0, held: 1 },
      { day: '2023-10-24', adds: 0, returns: 1, held: 0 },
    ]);
    expect(timelineOf(events, PREMIUM)).toEqual([
      { day: '2023-10-01', adds: 1, returns: 0, held: 1 },
      { day: '2023-10-24', adds: 2, returns: 1, held: 2 },
    ]);
  });

  it("ends with the domain's held count once every change is in effect", () => {
    const events = story(
      confirmed('500001', [item(BASIC, 4)], '2023-10-01', '2023-10-01'),
      confirmed('500002', [item(BASIC, 2)], '2024-01-01', '2023-10-02'),
      confirmed('500003', [item(BASIC, -3)], '2023-10-03', '2023-10-03'),
      confirmed('500004', [item(BASIC, -1)], '2023-12-01', '2023-10-04'),
    );
    const last = events.findLast((event) => event.type === 'OrderFinalConfirmed');
    const toBe = last?.type === 'OrderFinalConfirmed' ? last.data.items.at(-1)?.toBe : undefined;
    expect(timelineOf(events, BASIC).at(-1)?.held).toBe(toBe);
  });
});
