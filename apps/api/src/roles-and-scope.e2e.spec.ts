import type { Role } from '@ledger/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actors, confirmedOrder, item, seedVerticalDemo, VERTICAL_DEMO } from './testing/seed-fixtures.js';
import { type Caller, startTestApp, type TestApp } from './testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const ROLES: Role[] = ['reseller-admin', 'approver', 'customer-manager', 'auditor', 'billing-analyst'];

/**
 * Each command route with the roles allowed to call it. The requests are built to fail after the
 * role check (bad body or unknown id), so an allowed role sees 400/404 and a refused one 403.
 */
const COMMANDS: { name: string; allowed: Role[]; send: (caller: Caller) => Promise<{ status: number }> }[] = [
  { name: 'POST /api/resellers', allowed: ['reseller-admin'], send: (c) => c.post('/api/resellers', {}) },
  { name: 'POST /api/packages', allowed: ['reseller-admin'], send: (c) => c.post('/api/packages', {}) },
  { name: 'POST /api/customers', allowed: ['reseller-admin'], send: (c) => c.post('/api/customers', {}) },
  { name: 'POST /api/orders', allowed: ['reseller-admin'], send: (c) => c.post('/api/orders', {}) },
  { name: 'PUT /api/orders/{no}/items', allowed: ['reseller-admin'], send: (c) => c.put('/api/orders/999999/items', {}) },
  { name: 'POST /api/orders/{no}/submit', allowed: ['reseller-admin'], send: (c) => c.post('/api/orders/999999/submit') },
  { name: 'POST /api/orders/{no}/approve', allowed: ['approver'], send: (c) => c.post('/api/orders/999999/approve') },
  { name: 'POST /api/orders/{no}/reject', allowed: ['approver', 'reseller-admin'], send: (c) => c.post('/api/orders/999999/reject', {}) },
  { name: 'POST /api/orders/{no}/final-confirm', allowed: ['reseller-admin'], send: (c) => c.post('/api/orders/999999/final-confirm') },
  { name: 'POST /api/orders/{no}/cancel', allowed: ['reseller-admin'], send: (c) => c.post('/api/orders/999999/cancel') },
  { name: 'POST /api/customers/{id}/users', allowed: ['customer-manager', 'reseller-admin'], send: (c) => c.post(`/api/customers/${C}/users`, {}) },
  {
    name: 'POST /api/customers/{id}/users/{ext}/package',
    allowed: ['customer-manager', 'reseller-admin'],
    send: (c) => c.post(`/api/customers/${C}/users/297/package`, {}),
  },
  { name: 'DELETE /api/customers/{id}/users/{ext}', allowed: ['customer-manager', 'reseller-admin'], send: (c) => c.delete(`/api/customers/${C}/users/999`) },
];

describe('roles and reseller scope', () => {
  let app: TestApp;
  let who: Actors;
  const callers = {} as Record<Role, Caller>;

  beforeAll(async () => {
    app = await startTestApp();
    who = await seedVerticalDemo(app, 3);
    for (const role of ROLES) callers[role] = await app.as(role, 'RS-Vertical', role === 'customer-manager' ? { customerId: C } : {});
  });
  afterAll(() => app?.close());

  describe.each(COMMANDS)('$name', ({ allowed, send }) => {
    it.each(ROLES)('as %s', async (role) => {
      const { status } = await send(callers[role]);
      if (allowed.includes(role)) {
        expect(status).not.toBe(403);
        expect(status).toBeGreaterThanOrEqual(400);
      } else {
        expect(status).toBe(403);
      }
    });
  });

  it('every role may read a customer in its scope', async () => {
    for (const role of ROLES) expect((await callers[role].get(`/api/customers/${C}/inventory`)).status, role).toBe(200);
  });

  describe('another reseller sees nothing of RS-Vertical (404, as if it did not exist)', () => {
    let outsiders: Actors;
    let orderNo: string;

    beforeAll(async () => {
      outsiders = {
        admin: await app.as('reseller-admin', 'RS-Other'),
        approver: await app.as('approver', 'RS-Other'),
        manager: await app.as('customer-manager', 'RS-Other', { customerId: C }),
      };
      const placed = await who.admin.post('/api/orders', { customerId: C, title: 'T', type: 'Change', changeDate: '2023-10-24', items: [item('Stand Alone VM', 1)] });
      orderNo = placed.body.orderNo;
    });

    it('reads', async () => {
      expect((await outsiders.admin.get(`/api/customers/${C}`)).status).toBe(404);
      expect((await outsiders.admin.get(`/api/customers/${C}/inventory`)).status).toBe(404);
      expect((await outsiders.admin.get(`/api/orders/${orderNo}`)).status).toBe(404);
    });

    it('commands', async () => {
      const unknown = await outsiders.admin.get('/api/customers/C000000999');
      const hidden = await outsiders.admin.post(`/api/orders/${orderNo}/submit`);
      expect(hidden.status).toBe(404);
      expect(hidden.body.type).toBe(unknown.body.type);
      expect((await outsiders.admin.post('/api/orders', { customerId: C, title: 'T', type: 'New', changeDate: '2023-10-24', items: [] })).status).toBe(404);
      expect((await outsiders.approver.post(`/api/orders/${orderNo}/approve`)).status).toBe(404);
      expect((await outsiders.manager.post(`/api/customers/${C}/users/297/package`, { package: 'Stand Alone VM' })).status).toBe(404);
      expect((await outsiders.admin.post('/api/customers', { ...VERTICAL_DEMO, customerId: 'C000000777' })).status).toBe(404);
      expect((await who.admin.get(`/api/orders/${orderNo}`)).body.status).toBe('Temporary');
    });
  });

  it('a customer manager sees only its own customer', async () => {
    const otherManager = await app.as('customer-manager', 'RS-Vertical', { customerId: 'C000000151' });
    expect((await otherManager.get(`/api/customers/${C}/inventory`)).status).toBe(404);
    expect((await otherManager.delete(`/api/customers/${C}/users/297`)).status).toBe(404);
  });

  it('a parent reseller sees its child resellers\' customers; the child does not see the parent\'s', async () => {
    expect((await who.admin.post('/api/resellers', { resellerId: 'RS-Vertical-East', name: 'Vertical East' })).status).toBe(201);
    const childCustomer = { ...VERTICAL_DEMO, customerId: 'C000000200', name: 'East Demo', resellerId: 'RS-Vertical-East' };
    expect((await who.admin.post('/api/customers', childCustomer)).status).toBe(201);
    const childAdmin = await app.as('reseller-admin', 'RS-Vertical-East');
    expect((await childAdmin.get('/api/customers/C000000200/inventory')).status).toBe(200);
    expect((await who.admin.get('/api/customers/C000000200/inventory')).status).toBe(200);
    expect((await childAdmin.get(`/api/customers/${C}/inventory`)).status).toBe(404);
    await confirmedOrder({ ...who, admin: childAdmin, approver: await app.as('approver', 'RS-Vertical-East') }, 'C000000200', [item('Stand Alone VM', 2)]);
  });

  it('the approver rejects a Submitted order; the reseller admin rejects an Approved one', async () => {
    const placed = await who.admin.post('/api/orders', { customerId: C, title: 'T', type: 'Change', changeDate: '2023-10-24', items: [item('Stand Alone VM', 1)] });
    const orderNo = placed.body.orderNo;
    await who.admin.post(`/api/orders/${orderNo}/submit`);
    expect((await who.admin.post(`/api/orders/${orderNo}/reject`, { reason: 'no' })).status).toBe(403);
    await who.approver.post(`/api/orders/${orderNo}/approve`);
    expect((await who.approver.post(`/api/orders/${orderNo}/reject`, { reason: 'no' })).status).toBe(403);
    const rejected = await who.admin.post(`/api/orders/${orderNo}/reject`, { reason: 'Customer withdrew the change' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'Rejected', rejectReason: 'Customer withdrew the change' });
  });
});
