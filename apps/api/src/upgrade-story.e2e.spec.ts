import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { item, seedVerticalDemo, VERTICAL_DEMO, type Actors, confirmedOrder } from './testing/seed-fixtures.js';
import { startTestApp, type TestApp } from './testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const row = (body: { packages: { package: string }[] }, pkg: string) => body.packages.find((p) => p.package === pkg);

describe('the seed upgrade story over HTTP (Basic User With VM -> Premium iPECS ONE USER, then return the Basic license)', () => {
  let app: TestApp;
  let who: Actors;

  beforeAll(async () => {
    app = await startTestApp();
    who = await seedVerticalDemo(app);
  });
  afterAll(() => app?.close());

  it('starts with user 297 on Basic and no idle Basic license', async () => {
    const inventory = await who.admin.get(`/api/customers/${C}/inventory`);
    expect(inventory.status).toBe(200);
    expect(row(inventory.body, 'Basic User With VM')).toMatchObject({ held: 1, assigned: 1, reserved: 0, available: 0, toBe: 1 });
  });

  it('1. orders +1 Premium, which is submitted, approved and final confirmed', async () => {
    const confirmed = await confirmedOrder(who, C, [item('Premium iPECS ONE USER', 1)]);
    expect(confirmed).toMatchObject({ status: 'FinalConfirmed', customerId: C });
    const inventory = await who.admin.get(`/api/customers/${C}/inventory`);
    expect(row(inventory.body, 'Premium iPECS ONE USER')).toMatchObject({ held: 1, assigned: 0, available: 1 });
  });

  it('2. the customer manager changes 297 to Premium; the Basic license becomes available', async () => {
    const changed = await who.manager.post(`/api/customers/${C}/users/297/package`, { package: 'Premium iPECS ONE USER' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ extension: 297, name: '9240 Demo', package: 'Premium iPECS ONE USER' });
    expect(changed.body.position).toBeGreaterThan(0);
    const inventory = (await who.admin.get(`/api/customers/${C}/inventory`)).body;
    expect(row(inventory, 'Premium iPECS ONE USER')).toMatchObject({ held: 1, assigned: 1, available: 0 });
    expect(row(inventory, 'Basic User With VM')).toMatchObject({ held: 1, assigned: 0, available: 1 });
  });

  it('3-4. a -1 Basic return reserves the license from submission and removes it at final confirm', async () => {
    const placed = await who.admin.post('/api/orders', {
      customerId: C,
      title: 'Vertical Demo Change Order',
      type: 'Change',
      changeDate: '2023-10-24',
      items: [item('Basic User With VM', -1)],
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'Temporary', customerId: C });
    expect(placed.body.orderNo).toMatch(/^\d+$/);
    const orderNo = placed.body.orderNo;

    expect((await who.admin.post(`/api/orders/${orderNo}/submit`)).body.status).toBe('Submitted');
    let inventory = (await who.admin.get(`/api/customers/${C}/inventory`)).body;
    expect(row(inventory, 'Basic User With VM')).toMatchObject({ held: 1, reserved: 1, available: 0, pendingReturns: 1, toBe: 0 });

    // While reserved, no user can take the returned license.
    const taken = await who.manager.post(`/api/customers/${C}/users`, {
      extension: 298,
      name: 'Late Joiner',
      site: 'Vertical Demo',
      portalId: '298@cm-vertical-demo.com',
      email: 'late@vertical.com',
      package: 'Basic User With VM',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.type).toMatch(/\/no-available-license$/);

    expect((await who.approver.post(`/api/orders/${orderNo}/approve`)).body.status).toBe('Approved');
    const confirmed = await who.admin.post(`/api/orders/${orderNo}/final-confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('FinalConfirmed');
    expect(confirmed.body.confirmedItems).toEqual([
      expect.objectContaining({ package: 'Basic User With VM', now: 1, order: -1, toBe: 0, actDate: confirmed.body.effectiveDate }),
    ]);
    inventory = (await who.admin.get(`/api/customers/${C}/inventory`)).body;
    expect(row(inventory, 'Basic User With VM')).toMatchObject({ held: 0, reserved: 0, available: 0, toBe: 0 });

    const again = await who.admin.post(`/api/orders/${orderNo}/final-confirm`);
    expect(again.status).toBe(200);
    expect(again.body.position).toBe(confirmed.body.position);
  });
});
