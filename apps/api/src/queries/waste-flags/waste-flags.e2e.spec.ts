import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  confirmedOrder,
  item,
  onboard,
  seedVerticalDemo,
  VERTICAL_DEMO,
} from '../../testing/seed-fixtures.js';
import { SimulatedClock } from '../../demo/simulated-clock.js';
import { type Caller, startTestApp, type TestApp } from '../../testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const BASIC = 'Basic User With VM';
const PREMIUM = 'Premium iPECS ONE USER';

/**
 * The seed's story up to the upgrade (Basic billed from 1 Oct, 297 on it; +1 Premium billed from
 * 30 Oct after a trial; 297 moved to Premium on 21 Oct 09:00), with the Basic license never returned.
 */
describe('waste flags of the seed customer', () => {
  // The story runs on fixed dates: each step sets the clock the command is accepted at.
  const clock = new SimulatedClock('2023-09-20T10:00:00Z');
  let app: TestApp;
  let who: Actors;
  let reader: Caller;
  const on = (time: string) => clock.set(time);
  const waste = async (query = '', caller: Caller = reader) =>
    caller.get(`/api/customers/${C}/waste?minPosition=${await app.headPosition()}${query}`);

  beforeAll(async () => {
    app = await startTestApp({ clock });
    who = await seedVerticalDemo(app);
    reader = await app.as('auditor');
    on('2023-10-15T09:00:00Z');
    await confirmedOrder(who, C, [item(PREMIUM, 1, 10)], '2023-10-20');
    on('2023-10-21T09:00:00Z');
    expect(
      (await who.manager.post(`/api/customers/${C}/users/297/package`, { package: PREMIUM })).status,
    ).toBe(200);
  });
  afterAll(() => app?.close());

  it('flags nothing while the old license has been free for fewer than 30 days', async () => {
    on('2023-11-10T12:00:00Z');
    expect((await waste()).body).toEqual({
      customerId: C,
      at: '2023-11-10T12:00:00.000Z',
      days: 30,
      flags: [],
    });
  });

  it('after 30 days: the unused Basic license, and the upgrade that kept it (paid twice), each at 20 a month', async () => {
    on('2023-12-05T12:00:00Z');
    const { status, body } = await waste();
    expect(status).toBe(200);
    expect(body.flags).toEqual([
      { kind: 'unassigned', package: BASIC, licenses: 1, monthlyAmount: 20 },
      {
        kind: 'paid-twice',
        package: BASIC,
        extension: 297,
        toPackage: PREMIUM,
        changedAt: '2023-10-21T09:00:00.000Z',
        returnedOn: null,
        monthlyAmount: 20,
      },
    ]);
  });

  it('takes N from ?days=: with 60 neither is flagged yet', async () => {
    expect((await waste('&days=60')).body).toMatchObject({ days: 60, flags: [] });
  });

  it('flags nothing once the Basic license is returned within the 30 days', async () => {
    on('2023-11-02T09:00:00Z');
    await confirmedOrder(who, C, [item(BASIC, -1)], '2023-11-15');
    on('2023-12-05T12:00:00Z');
    expect((await waste()).body.flags).toEqual([]);
  });

  it('refuses a bad days with a 400 naming it', async () => {
    for (const days of ['0', '3651', '1.5', 'x']) {
      const { status, body } = await waste(`&days=${days}`);
      expect(status, days).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'days' })]);
    }
  });

  it("answers another reseller's reader 404, exactly as for a missing customer", async () => {
    await onboard(app, 'RS-Other', { catalog: false });
    const outsider = await app.as('billing-analyst', 'RS-Other');
    const [foreign, missing] = [
      await waste('', outsider),
      await outsider.get('/api/customers/C000000999/waste'),
    ];
    expect(foreign.status).toBe(404);
    expect({ ...foreign.body, detail: foreign.body.detail.replace(C, 'C000000999') }).toEqual(missing.body);
  });
});
