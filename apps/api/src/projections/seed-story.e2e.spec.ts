import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQL_POOL } from '../store/store.tokens.js';
import {
  confirmedOrder,
  item,
  seedVerticalDemo,
  USER_297,
  VERTICAL_DEMO,
  type Actors,
  onboard,
} from '../testing/seed-fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const BASIC = 'Basic User With VM';
const PREMIUM = 'Premium iPECS ONE USER';

describe('the seed upgrade story, read back from the read models', () => {
  let app: TestApp;
  let who: Actors;
  let position = 0;
  let returnOrder = '';

  beforeAll(async () => {
    app = await startTestApp();
    who = await seedVerticalDemo(app);
    await confirmedOrder(who, C, [item(PREMIUM, 1)]);
    await who.manager.post(`/api/customers/${C}/users/297/package`, { package: PREMIUM });
    const placed = await who.admin.post('/api/orders', {
      customerId: C,
      title: 'Vertical Demo Change Order',
      type: 'Change',
      changeDate: '2023-10-24',
      items: [item(BASIC, -1)],
    });
    returnOrder = placed.body.orderNo;
    await who.admin.post(`/api/orders/${returnOrder}/submit`);
    await who.approver.post(`/api/orders/${returnOrder}/approve`);
    position = (await who.admin.post(`/api/orders/${returnOrder}/final-confirm`)).body.position;
  });
  afterAll(() => app?.close());

  it('serves the inventory: Premium held and assigned to 297, the Basic license returned', async () => {
    const inventory = await who.admin.get(`/api/customers/${C}/inventory?minPosition=${position}`);
    expect(inventory.status).toBe(200);
    expect(inventory.body.position).toBeGreaterThanOrEqual(position);
    expect(inventory.body.packages).toEqual([
      {
        package: BASIC,
        itemGroup: 'User License',
        held: 0,
        pendingAdds: 0,
        pendingReturns: 0,
        toBe: 0,
        assigned: 0,
        reserved: 0,
        available: 0,
      },
      {
        package: PREMIUM,
        itemGroup: 'User License',
        held: 1,
        pendingAdds: 0,
        pendingReturns: 0,
        toBe: 1,
        assigned: 1,
        reserved: 0,
        available: 0,
      },
    ]);
  });

  it('lists user 297 on Premium', async () => {
    const users = await who.manager.get(`/api/customers/${C}/users?minPosition=${position}`);
    expect(users.status).toBe(200);
    const { extension, name, site, portalId, email } = USER_297;
    expect(users.body).toEqual({
      items: [{ extension, name, site, portalId, email, package: PREMIUM }],
      nextCursor: null,
    });
  });

  it("shows 297's package history: Basic, then Premium", async () => {
    const history = await who.manager.get(`/api/customers/${C}/users/297/packages?minPosition=${position}`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ customerId: C, extension: 297 });
    expect(history.body.packages).toEqual([
      { package: BASIC, from: expect.any(String), to: expect.any(String) },
      { package: PREMIUM, from: expect.any(String), to: null },
    ]);
    expect(history.body.packages[0].to).toBe(history.body.packages[1].from);
    expect((await who.manager.get(`/api/customers/${C}/users/298/packages`)).status).toBe(404);
  });

  it('lists the three orders, newest first, the return with its confirm screen columns', async () => {
    const orders = await who.admin.get(`/api/orders?customerId=${C}&minPosition=${position}`);
    expect(orders.status).toBe(200);
    expect(orders.body.items.map((o: { status: string }) => o.status)).toEqual([
      'FinalConfirmed',
      'FinalConfirmed',
      'FinalConfirmed',
    ]);
    const [latest] = orders.body.items;
    expect(latest).toMatchObject({
      orderNo: returnOrder,
      customerId: C,
      title: 'Vertical Demo Change Order',
      type: 'Change',
      changeDate: '2023-10-24',
    });
    expect(latest.submittedAt).toEqual(expect.any(String));
    expect(latest.approvedAt).toEqual(expect.any(String));
    expect(latest.finalConfirmedAt).toEqual(expect.any(String));
    expect(latest.items).toEqual([
      expect.objectContaining({
        package: BASIC,
        quantity: -1,
        now: 1,
        order: -1,
        toBe: 0,
        customerPrice: 20,
      }),
    ]);
    const confirmed = await who.admin.get(`/api/orders?status=Submitted&minPosition=${position}`);
    expect(confirmed.body).toEqual({ items: [], nextCursor: null });
  });

  it("writes one audit row per event, with the package change in the auditor's words", async () => {
    const sql = app.app.get<Pool>(SQL_POOL);
    const audit = await sql.query(
      'SELECT position, type, actor, role, customer_id, extension, summary FROM read_models.audit_log ORDER BY position',
    );
    expect(audit.rows).toHaveLength(position);
    expect(audit.rows).toContainEqual({
      position: expect.any(String),
      type: 'PackageChanged',
      actor: `customer-manager@RS-Vertical`,
      role: 'customer-manager',
      customer_id: C,
      extension: 297,
      summary: '9240 Demo (297): Basic User With VM -> Premium iPECS ONE USER',
    });
    const periods = await sql.query(
      `SELECT package, end_date::text AS end_date, returned_on::text AS returned_on FROM read_models.license_periods WHERE customer_id = $1 ORDER BY license_no`,
      [C],
    );
    expect(periods.rows).toEqual([
      { package: BASIC, end_date: expect.any(String), returned_on: expect.any(String) },
      { package: PREMIUM, end_date: null, returned_on: null },
    ]);
    const history = await sql.query(
      `SELECT package, to_at IS NULL AS current FROM read_models.user_package_history WHERE customer_id = $1 AND extension = 297 ORDER BY from_position`,
      [C],
    );
    expect(history.rows).toEqual([
      { package: BASIC, current: false },
      { package: PREMIUM, current: true },
    ]);
  });

  it('charts held licenses per day and adds and returns per month', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const timeline = await who.admin.get(
      `/api/customers/${C}/timeline?from=${today}&to=${today}&minPosition=${position}`,
    );
    expect(timeline.status).toBe(200);
    expect(timeline.body.packages).toEqual([
      { package: BASIC, days: [{ day: today, held: 0 }] },
      { package: PREMIUM, days: [{ day: today, held: 1 }] },
    ]);
    expect(timeline.body.months).toEqual([
      { month: today.slice(0, 7), package: BASIC, adds: 1, returns: 1 },
      { month: today.slice(0, 7), package: PREMIUM, adds: 1, returns: 0 },
    ]);
  });

  it('sums the customer up in the fleet summary of its reseller', async () => {
    const fleet = await who.admin.get(`/api/resellers/RS-Vertical/customers?minPosition=${position}`);
    expect(fleet.status).toBe(200);
    expect(fleet.body.items).toEqual([
      {
        customerId: C,
        name: 'Vertical Demo',
        resellerId: 'RS-Vertical',
        held: 1,
        available: 0,
        idle: 0,
        pendingOrders: 0,
        awaitingApproval: 0,
        awaitingFinalConfirm: 0,
      },
    ]);
  });

  it("answers outside the caller's scope exactly as if the customer did not exist", async () => {
    await onboard(app, 'RS-Other', { catalog: false });
    const stranger = await app.as('reseller-admin', 'RS-Other');
    for (const path of [
      `/api/customers/${C}/inventory`,
      `/api/customers/${C}/users`,
      `/api/customers/${C}/timeline`,
      '/api/resellers/RS-Vertical/customers',
    ]) {
      expect((await stranger.get(path)).status, path).toBe(404);
    }
    expect((await stranger.get('/api/orders')).body).toEqual({ items: [], nextCursor: null });
    const otherManager = await app.as('customer-manager', 'RS-Vertical', { customerId: 'C999' });
    expect((await otherManager.get(`/api/customers/${C}/users`)).status).toBe(404);
  });

  it('names the bad query parameter in a 400', async () => {
    const bad = await who.admin.get(`/api/customers/${C}/users?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'limit', rule: 'min' })]);
    const unknown = await who.admin.get(`/api/orders?state=Approved`);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'state', rule: 'unknown-field' })]);
    expect((await who.admin.get(`/api/orders?status=Pending`)).body.errors).toEqual([
      expect.objectContaining({ field: 'status' }),
    ]);
  });

  it('answers 400 naming minPosition for a position past the head of the store (projection-lag: a lagging one is a 503)', async () => {
    const past = await who.admin.get(`/api/customers/${C}/users?minPosition=${position + 1000}`);
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'minPosition', rule: 'max' })]);
  });
});
