import { addDays } from '@ledger/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  confirmedOrder,
  item,
  seedVerticalDemo,
  VERTICAL_DEMO,
} from '../../testing/seed-fixtures.js';
import { SimulatedClock } from '../../demo/simulated-clock.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const BASIC = 'Basic User With VM';
const PREMIUM = 'Premium iPECS ONE USER';

/** Every day of [from, to] with its held count, from segments [first day, held] that each last until the next. */
const days = (from: string, to: string, segments: readonly (readonly [string, number])[]) => {
  const all: { day: string; held: number }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const held = segments.filter(([first]) => first <= day).at(-1)?.[1] ?? 0;
    all.push({ day, held });
  }
  return all;
};

describe('the license timeline charts changes on their effective date (DOMAIN.md, Billing rules)', () => {
  let app: TestApp;
  let who: Actors;
  let position = 0;
  const clock = new SimulatedClock('2026-03-10T09:00:00.000Z');

  beforeAll(async () => {
    app = await startTestApp({ clock });
    // Two Basic licenses, change date long past: effective on the final confirm's day, 2026-03-10.
    who = await seedVerticalDemo(app, 2);
    // Two Premium licenses confirmed today for a change date in the future: scheduled for 2026-04-01.
    await confirmedOrder(who, C, [item(PREMIUM, 2)], '2026-04-01');
    clock.set('2026-03-12T16:00:00.000Z');
    // One Basic license returned with a change date in the past: effective on its confirm, 2026-03-12.
    await confirmedOrder(who, C, [item(BASIC, -1)], '2026-02-01');
    position = await app.headPosition();
  });
  afterAll(() => app?.close());

  it('shows the held count from each effective date on: a future change date schedules it, a past one takes the confirm day', async () => {
    const from = '2026-03-09';
    const to = '2026-04-02';
    const timeline = await (
      await app.as('auditor')
    ).get(`/api/customers/${C}/timeline?from=${from}&to=${to}&minPosition=${position}`);
    expect(timeline.status).toBe(200);
    expect(timeline.body).toEqual({
      customerId: C,
      from,
      to,
      packages: [
        {
          package: BASIC,
          days: days(from, to, [
            ['2026-03-10', 2],
            ['2026-03-12', 1],
          ]),
        },
        { package: PREMIUM, days: days(from, to, [['2026-04-01', 2]]) },
      ],
      months: [
        { month: '2026-03', package: BASIC, adds: 2, returns: 1 },
        { month: '2026-04', package: PREMIUM, adds: 2, returns: 0 },
      ],
    });
  });

  it('holds the scheduled licenses in the inventory already, while the timeline charts them from their effective date', async () => {
    const inventory = await who.admin.get(`/api/customers/${C}/inventory?minPosition=${position}`);
    expect(inventory.body.packages).toEqual([
      expect.objectContaining({ package: BASIC, held: 1 }),
      expect.objectContaining({ package: PREMIUM, held: 2 }),
    ]);
    const today = await who.admin.get(`/api/customers/${C}/timeline?minPosition=${position}`);
    expect(today.body).toMatchObject({ from: addDays('2026-03-12', -89), to: '2026-03-12' });
    // Up to today no Premium license has taken effect, so the chart has no Premium line yet.
    expect(today.body.packages.map((p: { package: string }) => p.package)).toEqual([BASIC]);
    expect(today.body.packages[0].days.at(-1)).toEqual({ day: '2026-03-12', held: 1 });
  });
});
