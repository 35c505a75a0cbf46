import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  actors,
  confirmedOrder,
  item,
  onboard,
  seedVerticalDemo,
  VERTICAL_DEMO,
} from '../../testing/seed-fixtures.js';
import { SimulatedClock } from '../../demo/simulated-clock.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const BASIC = 'Basic User With VM';
const PREMIUM = 'Premium iPECS ONE USER';

/** The moments the seed's upgrade story happens at (DOMAIN.md, "The upgrade workflow of the seed"). */
const SEEDED = '2026-03-02T09:00:00.000Z';
const PREMIUM_CONFIRMED = '2026-03-03T09:00:00.000Z';
const PACKAGE_CHANGED = '2026-03-04T09:00:00.000Z';
const RETURN_SUBMITTED = '2026-03-05T09:00:00.000Z';
const RETURN_APPROVED = '2026-03-06T09:00:00.000Z';
const RETURN_CONFIRMED = '2026-03-07T09:00:00.000Z';

/** An inventory row of API.md, replayed by hand: [held, pendingAdds, pendingReturns, toBe, assigned, reserved, available]. */
const row = (
  pkg: string,
  [held, pendingAdds, pendingReturns, toBe, assigned, reserved, available]: readonly number[],
) => ({
  package: pkg,
  itemGroup: 'User License',
  ...{ held, pendingAdds, pendingReturns, toBe, assigned, reserved, available },
});
const user297 = (pkg: string) => ({ extension: 297, name: '9240 Demo', site: 'Vertical Demo', package: pkg });
const returnItem = {
  itemNo: 1,
  itemGroup: 'User License',
  package: BASIC,
  quantity: -1,
  trialDays: 0,
  billingAccount: 'Vertical Demo',
  comment: '',
  customerPrice: 20,
};

describe('GET /api/customers/{customerId}/as-of: the account at a moment, folded from its events', () => {
  let app: TestApp;
  let who: Actors;
  const clock = new SimulatedClock(SEEDED);
  let returnOrder = '';
  /** What the live inventory and user list answered right after each step, to hold the as-of answers against. */
  const live = new Map<string, { packages: unknown; users: unknown }>();
  const asOf = (at: string, caller = who.admin) =>
    caller.get(`/api/customers/${C}/as-of?at=${encodeURIComponent(at)}`);

  const recordLive = async (moment: string, position: number) => {
    const inventory = await who.admin.get(`/api/customers/${C}/inventory?minPosition=${position}`);
    const users = await who.admin.get(`/api/customers/${C}/users?minPosition=${position}`);
    const shown = users.body.items.map(
      ({ extension, name, site, package: pkg }: Record<string, unknown>) => ({
        extension,
        name,
        site,
        package: pkg,
      }),
    );
    live.set(moment, { packages: inventory.body.packages, users: shown });
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    who = await seedVerticalDemo(app);
    await recordLive(SEEDED, await app.headPosition());
    clock.set(PREMIUM_CONFIRMED);
    await confirmedOrder(who, C, [item(PREMIUM, 1)]);
    await recordLive(PREMIUM_CONFIRMED, await app.headPosition());
    clock.set(PACKAGE_CHANGED);
    expect(
      (await who.manager.post(`/api/customers/${C}/users/297/package`, { package: PREMIUM })).status,
    ).toBe(200);
    await recordLive(PACKAGE_CHANGED, await app.headPosition());
    clock.set(RETURN_SUBMITTED);
    const placed = await who.admin.post('/api/orders', {
      customerId: C,
      title: 'Vertical Demo Change Order',
      type: 'Change',
      changeDate: '2023-10-24',
      items: [item(BASIC, -1)],
    });
    returnOrder = placed.body.orderNo;
    expect((await who.admin.post(`/api/orders/${returnOrder}/submit`)).status).toBe(200);
    await recordLive(RETURN_SUBMITTED, await app.headPosition());
    clock.set(RETURN_APPROVED);
    expect((await who.approver.post(`/api/orders/${returnOrder}/approve`)).status).toBe(200);
    await recordLive(RETURN_APPROVED, await app.headPosition());
    clock.set(RETURN_CONFIRMED);
    expect((await who.admin.post(`/api/orders/${returnOrder}/final-confirm`)).status).toBe(200);
    await recordLive(RETURN_CONFIRMED, await app.headPosition());
  });
  afterAll(() => app?.close());

  it('shows the seeded account before the upgrade order: 297 on the one Basic license', async () => {
    const response = await asOf('2026-03-02T18:00:00Z');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      customerId: C,
      at: '2026-03-02T18:00:00.000Z',
      packages: [row(BASIC, [1, 0, 0, 1, 1, 0, 0])],
      users: [user297(BASIC)],
      openOrders: [],
      position: expect.any(Number),
    });
  });

  it('takes the moment itself in: at the second of an event, the event counts', async () => {
    expect((await asOf(SEEDED)).body.packages).toEqual([row(BASIC, [1, 0, 0, 1, 1, 0, 0])]);
    expect((await asOf(PREMIUM_CONFIRMED)).body.packages).toEqual([
      row(BASIC, [1, 0, 0, 1, 1, 0, 0]),
      row(PREMIUM, [1, 0, 0, 1, 0, 0, 1]),
    ]);
    expect((await asOf('2026-03-03T08:59:59.999Z')).body.packages).toEqual([
      row(BASIC, [1, 0, 0, 1, 1, 0, 0]),
    ]);
  });

  it('shows the Basic license available once 297 moved to Premium', async () => {
    const { body } = await asOf('2026-03-04T12:00:00Z');
    expect(body.packages).toEqual([row(BASIC, [1, 0, 0, 1, 0, 0, 1]), row(PREMIUM, [1, 0, 0, 1, 1, 0, 0])]);
    expect(body.users).toEqual([user297(PREMIUM)]);
    expect(body.openOrders).toEqual([]);
  });

  it('shows the return reserved and open from its submission', async () => {
    const { body } = await asOf('2026-03-05T12:00:00Z');
    expect(body.packages).toEqual([row(BASIC, [1, 0, 1, 0, 0, 1, 0]), row(PREMIUM, [1, 0, 0, 1, 1, 0, 0])]);
    expect(body.openOrders).toEqual([{ orderNo: returnOrder, status: 'Submitted', items: [returnItem] }]);
  });

  it('shows the return approved but not yet final confirmed: still held, still reserved', async () => {
    const { body } = await asOf('2026-03-06T12:00:00Z');
    expect(body.packages).toEqual([row(BASIC, [1, 0, 1, 0, 0, 1, 0]), row(PREMIUM, [1, 0, 0, 1, 1, 0, 0])]);
    expect(body.users).toEqual([user297(PREMIUM)]);
    expect(body.openOrders).toEqual([{ orderNo: returnOrder, status: 'Approved', items: [returnItem] }]);
  });

  it('shows the Basic license gone after the final confirm, and no open order', async () => {
    const { body } = await asOf('2026-03-08T00:00:00Z');
    expect(body.packages).toEqual([row(BASIC, [0, 0, 0, 0, 0, 0, 0]), row(PREMIUM, [1, 0, 0, 1, 1, 0, 0])]);
    expect(body.users).toEqual([user297(PREMIUM)]);
    expect(body.openOrders).toEqual([]);
    expect(body.position).toBe(await app.headPosition());
  });

  it('answers at every step exactly what the live inventory and user list answered then', async () => {
    for (const [moment, shown] of live) {
      const { body } = await asOf(moment);
      expect({ packages: body.packages, users: body.users }, moment).toEqual(shown);
    }
  });

  it('reads an offset as the same instant and answers in UTC', async () => {
    const { body } = await asOf('2026-03-06T14:00:00+02:00');
    expect(body.at).toBe('2026-03-06T12:00:00.000Z');
    expect(body.openOrders).toEqual([expect.objectContaining({ status: 'Approved' })]);
  });

  it('answers 404 for a moment before the customer was registered (the domain had no account then)', async () => {
    const response = await asOf('2026-03-02T08:59:59Z');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      type: '/api/problems/not-found',
      detail: `customer ${C} did not exist at 2026-03-02T08:59:59.000Z`,
    });
  });

  it('answers 400 naming `at` when it is missing or not an ISO time with its zone', async () => {
    for (const query of [
      '',
      '?at=',
      '?at=yesterday',
      '?at=2026-03-06',
      '?at=2026-03-06T12:00:00',
      '?at=2026-02-30T12:00:00Z',
      '?at=a&at=b',
    ]) {
      const response = await who.admin.get(`/api/customers/${C}/as-of${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.errors, query).toEqual([expect.objectContaining({ field: 'at' })]);
    }
    const nul = await who.admin.get(`/api/customers/${C}/as-of?at=2026-03-06T12:00:00Z%00`);
    expect(nul.body.errors).toEqual([expect.objectContaining({ field: 'at', rule: 'no-null-character' })]);
    const badId = await who.admin.get('/api/customers/C%20150/as-of?at=2026-03-06T12:00:00Z');
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'customerId', rule: 'format' })]);
    const unknown = await who.admin.get(`/api/customers/${C}/as-of?at=2026-03-06T12:00:00Z&when=now`);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'when', rule: 'unknown-field' })]);
    const past = await who.admin.get(
      `/api/customers/${C}/as-of?at=2026-03-06T12:00:00Z&minPosition=${(await app.headPosition()) + 10}`,
    );
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'minPosition', rule: 'max' })]);
  });

  it('serves every read role in scope, and answers outside the scope exactly as for a missing customer', async () => {
    for (const role of ['approver', 'auditor', 'billing-analyst'] as const)
      expect((await asOf(RETURN_APPROVED, await app.as(role))).status, role).toBe(200);
    expect((await asOf(RETURN_APPROVED, who.manager)).status).toBe(200);
    expect((await asOf(RETURN_APPROVED, await app.as('operator'))).status).toBe(403);

    await onboard(app, 'RS-Other', { catalog: false });
    const stranger = (await actors(app, 'RS-Other', 'C000000900')).admin;
    const foreign = await stranger.get(`/api/customers/${C}/as-of?at=${RETURN_APPROVED}`);
    const missing = await stranger.get(`/api/customers/C000000999/as-of?at=${RETURN_APPROVED}`);
    expect(foreign.status).toBe(404);
    expect({ ...foreign.body, detail: foreign.body.detail.replace(C, 'C000000999') }).toEqual(missing.body);
    const otherManager = await app.as('customer-manager', 'RS-Vertical', { customerId: 'C000000151' });
    expect((await asOf(RETURN_APPROVED, otherManager)).status).toBe(404);
  });
});
