import type { Role } from '@ledger/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from './auth/principal.js';
import {
  type Actors,
  actors,
  confirmedOrder,
  item,
  onboard,
  seedVerticalDemo,
  USER_297,
  VERTICAL_DEMO,
} from './testing/seed-fixtures.js';
import { csvOf, INVOICE_HEADER, uploadInvoice } from './testing/invoice-upload.js';
import { type Caller, startTestApp, type TestApp, type TestResponse } from './testing/test-app.js';

/**
 * Every route of the API with the roles allowed to call it, and for each a request on reseller A's
 * own data. `valid` requests pass validation, so a caller outside A's scope meets the scope check.
 */
interface Ids {
  readonly resellerId: string;
  readonly customerId: string;
  readonly orderNo: string;
  readonly extension: number;
  /** The position of an event of the tenant's own customer (an audit row). */
  readonly position: number;
}

interface Endpoint {
  readonly route: string;
  readonly allowed: readonly Role[];
  readonly send: (caller: Caller, ids: Ids) => Promise<TestResponse>;
  /** Reads that need no particular data: served to every allowed role with 200. */
  readonly read?: boolean;
  /** About the ledger as a whole (no tenant's ids): left out of the cross-tenant sweep. */
  readonly ledgerWide?: boolean;
  /** Names no tenant's resource (a new reseller's id): the takeover tests below cover it instead. */
  readonly noIds?: boolean;
  /**
   * What another tenant's request on these ids is refused with, when not 403 or 404: an invoice line
   * naming another tenant's customer is a bad cell (400), worded as for a customer that does not exist.
   */
  readonly outsiderStatuses?: readonly number[];
}

const TENANTS: Role[] = ['reseller-admin', 'approver', 'customer-manager', 'auditor', 'billing-analyst'];
const USERS: Role[] = ['customer-manager', 'reseller-admin'];
const order = (customerId: string) => ({
  customerId,
  title: 'T',
  type: 'Change',
  changeDate: '2023-10-24',
  items: [item('Stand Alone VM', 1)],
});

const ENDPOINTS: Endpoint[] = [
  {
    route: 'GET /api/packages',
    allowed: ROLES,
    read: true,
    ledgerWide: true,
    send: (c) => c.get('/api/packages'),
  },
  {
    route: 'POST /api/packages',
    allowed: ['operator'],
    ledgerWide: true,
    send: (c) =>
      c.post('/api/packages', { name: `P-${Math.random()}`, itemGroup: 'User License', monthlyPrice: 1 }),
  },
  {
    route: 'GET /api/projections',
    allowed: ROLES,
    read: true,
    ledgerWide: true,
    send: (c) => c.get('/api/projections'),
  },
  {
    route: 'POST /api/projections/{name}/rebuild',
    allowed: ['operator'],
    ledgerWide: true,
    send: (c) => c.post('/api/projections/no-such-projection/rebuild'),
  },
  {
    route: 'POST /api/resellers',
    allowed: ['operator', 'reseller-admin'],
    noIds: true,
    send: (c) => c.post('/api/resellers', {}),
  },
  {
    route: 'GET /api/resellers/{resellerId}/customers',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/resellers/${ids.resellerId}/customers`),
  },
  {
    route: 'POST /api/customers',
    allowed: ['reseller-admin'],
    send: (c, ids) =>
      c.post('/api/customers', { ...VERTICAL_DEMO, customerId: 'C000000777', resellerId: ids.resellerId }),
  },
  {
    route: 'GET /api/customers/{customerId}',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/customers/${ids.customerId}`),
  },
  {
    route: 'GET /api/customers/{customerId}/inventory',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/customers/${ids.customerId}/inventory`),
  },
  {
    route: 'GET /api/customers/{customerId}/timeline',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/customers/${ids.customerId}/timeline`),
  },
  {
    route: 'GET /api/customers/{customerId}/as-of',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/customers/${ids.customerId}/as-of?at=2100-01-01T00:00:00Z`),
  },
  {
    route: 'GET /api/customers/{customerId}/users',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/customers/${ids.customerId}/users`),
  },
  {
    route: 'POST /api/customers/{customerId}/users',
    allowed: USERS,
    send: (c, ids) => c.post(`/api/customers/${ids.customerId}/users`, { ...USER_297, extension: 298 }),
  },
  {
    route: 'GET /api/customers/{customerId}/users/{extension}/packages',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/customers/${ids.customerId}/users/${ids.extension}/packages`),
  },
  {
    route: 'POST /api/customers/{customerId}/users/{extension}/package',
    allowed: USERS,
    send: (c, ids) =>
      c.post(`/api/customers/${ids.customerId}/users/${ids.extension}/package`, {
        package: 'Stand Alone VM',
      }),
  },
  {
    route: 'DELETE /api/customers/{customerId}/users/{extension}',
    allowed: USERS,
    send: (c, ids) => c.delete(`/api/customers/${ids.customerId}/users/${ids.extension}`),
  },
  {
    route: 'GET /api/orders',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/orders?customerId=${ids.customerId}`),
  },
  {
    route: 'POST /api/orders',
    allowed: ['reseller-admin'],
    send: (c, ids) => c.post('/api/orders', order(ids.customerId)),
  },
  {
    route: 'GET /api/orders/{orderNo}',
    allowed: TENANTS,
    send: (c, ids) => c.get(`/api/orders/${ids.orderNo}`),
  },
  {
    route: 'PUT /api/orders/{orderNo}/items',
    allowed: ['reseller-admin'],
    send: (c, ids) => c.put(`/api/orders/${ids.orderNo}/items`, { items: [item('Stand Alone VM', 2)] }),
  },
  {
    route: 'POST /api/orders/{orderNo}/submit',
    allowed: ['reseller-admin'],
    send: (c, ids) => c.post(`/api/orders/${ids.orderNo}/submit`),
  },
  {
    route: 'POST /api/orders/{orderNo}/approve',
    allowed: ['approver'],
    send: (c, ids) => c.post(`/api/orders/${ids.orderNo}/approve`),
  },
  {
    route: 'POST /api/orders/{orderNo}/reject',
    allowed: ['approver', 'reseller-admin'],
    send: (c, ids) => c.post(`/api/orders/${ids.orderNo}/reject`, { reason: 'no' }),
  },
  {
    route: 'POST /api/orders/{orderNo}/final-confirm',
    allowed: ['reseller-admin'],
    send: (c, ids) => c.post(`/api/orders/${ids.orderNo}/final-confirm`),
  },
  {
    route: 'POST /api/orders/{orderNo}/cancel',
    allowed: ['reseller-admin'],
    send: (c, ids) => c.post(`/api/orders/${ids.orderNo}/cancel`),
  },
  {
    route: 'POST /api/invoices',
    allowed: ['billing-analyst', 'reseller-admin'],
    outsiderStatuses: [400, 403],
    send: (c, ids) =>
      uploadInvoice(
        c,
        'invoice.csv',
        csvOf([INVOICE_HEADER, [ids.customerId, 'Stand Alone VM', 1, '2023-10', 5]]),
      ),
  },
  {
    route: 'GET /api/customers/{customerId}/reconciliation',
    allowed: TENANTS,
    read: true,
    send: (c, ids) => c.get(`/api/customers/${ids.customerId}/reconciliation?month=2023-10`),
  },
  {
    route: 'GET /api/resellers/{resellerId}/reconciliation',
    allowed: TENANTS,
    read: true,
    send: (c, ids) => c.get(`/api/resellers/${ids.resellerId}/reconciliation?month=2023-10`),
  },
  {
    route: 'GET /api/customers/{customerId}/waste',
    allowed: TENANTS,
    read: true,
    send: (c, ids) => c.get(`/api/customers/${ids.customerId}/waste`),
  },
  {
    route: 'GET /api/audit',
    allowed: TENANTS,
    read: true,
    send: (c, ids) => c.get(`/api/audit?customerId=${ids.customerId}`),
  },
  {
    route: 'GET /api/audit.csv',
    allowed: TENANTS,
    read: true,
    send: (c, ids) => c.get(`/api/audit.csv?customerId=${ids.customerId}`),
  },
  {
    route: 'GET /api/audit/{position}',
    allowed: TENANTS,
    read: true,
    send: (c, ids) => c.get(`/api/audit/${ids.position}?minPosition=${ids.position}`),
  },
  {
    route: 'GET /api/audit/verify',
    allowed: TENANTS,
    read: true,
    // Checks the caller's own scope and names no id: another tenant gets its own answer.
    noIds: true,
    send: (c) => c.get('/api/audit/verify'),
  },
];

const A = { resellerId: 'RS-Vertical', customerId: VERTICAL_DEMO.customerId };
const B = { resellerId: 'RS-Other', customerId: 'C000000900' };

describe('roles, tenancy and reseller scope', () => {
  let app: TestApp;
  let a: Actors;
  let b: Actors;
  let aIds: Ids;
  let bIds: Ids;
  const callersOf = async (resellerId: string, customerId: string) => {
    const callers = {} as Record<Role, Caller>;
    for (const role of ROLES)
      callers[role] = await app.as(role, resellerId, role === 'customer-manager' ? { customerId } : {});
    return callers;
  };
  const temporaryOrder = async (who: Actors, customerId: string) =>
    (await who.admin.post('/api/orders', order(customerId))).body.orderNo as string;
  const placedOrder = async (who: Actors, customerId: string) => {
    const { orderNo, position } = (await who.admin.post('/api/orders', order(customerId))).body;
    return { orderNo: orderNo as string, position: position as number };
  };

  beforeAll(async () => {
    app = await startTestApp();
    a = await seedVerticalDemo(app, 3);
    await onboard(app, B.resellerId, { catalog: false });
    b = await actors(app, B.resellerId, B.customerId);
    expect(
      (
        await b.admin.post('/api/customers', {
          ...VERTICAL_DEMO,
          customerId: B.customerId,
          name: 'Other Demo',
          resellerId: B.resellerId,
        })
      ).status,
    ).toBe(201);
    await confirmedOrder(b, B.customerId, [item('Basic User With VM', 2)]);
    expect((await b.manager.post(`/api/customers/${B.customerId}/users`, USER_297)).status).toBe(201);
    aIds = { ...A, ...(await placedOrder(a, A.customerId)), extension: 297 };
    bIds = { ...B, ...(await placedOrder(b, B.customerId)), extension: 297 };
  });
  afterAll(() => app?.close());

  it('lists every operation of the OpenAPI document (so a new route cannot skip this matrix)', async () => {
    const document = (await app.request('GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const publicRoutes = ['GET /api/health'];
    expect(documented.filter((route) => !publicRoutes.includes(route)).sort()).toEqual(
      ENDPOINTS.map((e) => e.route).sort(),
    );
  });

  describe('each role on each route (403 for a role the route does not allow)', () => {
    let callers: Record<Role, Caller>;
    beforeAll(async () => {
      callers = await callersOf(A.resellerId, A.customerId);
    });

    describe.each(ENDPOINTS)('$route', ({ allowed, send, read }) => {
      it.each(ROLES)('as %s', async (role) => {
        const { status, body } = await send(callers[role], aIds);
        if (!allowed.includes(role)) {
          expect(status, JSON.stringify(body)).toBe(403);
          expect(body.type).toBe('/api/problems/forbidden');
        } else if (read) expect(status, JSON.stringify(body)).toBe(200);
        // Allowed: whatever the request meets next (validation, a domain rule), never the role check.
        else expect(body.type, JSON.stringify(body)).not.toBe('/api/problems/forbidden');
      });
    });
  });

  it('every tenant role reads a customer in its scope; the operator reads none', async () => {
    const callers = await callersOf(A.resellerId, A.customerId);
    for (const role of TENANTS)
      expect((await callers[role].get(`/api/customers/${A.customerId}/inventory`)).status, role).toBe(200);
    const refused = await callers.operator.get(`/api/customers/${A.customerId}/inventory`);
    expect(refused.status).toBe(403);
  });

  describe("reseller B's tokens on reseller A's ids: 404 or 403, never data, never the owner's id", () => {
    let outsiders: Record<Role, Caller>;
    beforeAll(async () => {
      outsiders = await callersOf(B.resellerId, A.customerId);
    });

    describe.each(ENDPOINTS.filter((e) => !e.ledgerWide && !e.noIds))('$route', ({ route, send }) => {
      it.each(ROLES)('as %s', async (role) => {
        const head = await app.headPosition();
        const response = await send(outsiders[role], aIds);
        const refusals = ENDPOINTS.find((e) => e.route === route)?.outsiderStatuses ?? [403, 404];
        expect(refusals, `${route} ${JSON.stringify(response.body)}`).toContain(response.status);
        const text = JSON.stringify(response.body);
        // The order's customer and the customer's reseller are the owners: neither is ever named
        // (unless the caller sent it itself, as the reseller of a new customer or in the path).
        if (route.includes('{orderNo}')) expect(text).not.toContain(A.customerId);
        if (!route.includes('resellerId') && route !== 'POST /api/customers')
          expect(text).not.toContain(A.resellerId);
        expect(await app.headPosition()).toBe(head);
      });
    });

    it('answers a foreign order exactly as a missing one: same status, type and wording', async () => {
      const missing = '999999';
      for (const [path, body] of [
        ['', undefined],
        ['/submit', {}],
        ['/cancel', {}],
        ['/items', { items: [item('Stand Alone VM', 2)] }],
      ] as const) {
        const send = (no: string) =>
          path === ''
            ? outsiders['reseller-admin'].get(`/api/orders/${no}`)
            : path === '/items'
              ? outsiders['reseller-admin'].put(`/api/orders/${no}/items`, body)
              : outsiders['reseller-admin'].post(`/api/orders/${no}${path}`, body);
        const [foreign, absent] = [await send(aIds.orderNo), await send(missing)];
        expect(foreign.status, path).toBe(404);
        expect({ ...foreign.body, detail: foreign.body.detail.replace(aIds.orderNo, missing) }).toEqual(
          absent.body,
        );
      }
    });

    it('answers a foreign customer exactly as a missing one', async () => {
      const [foreign, absent] = [
        await outsiders['reseller-admin'].get(`/api/customers/${A.customerId}/inventory`),
        await outsiders['reseller-admin'].get('/api/customers/C000000999/inventory'),
      ];
      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, detail: foreign.body.detail.replace(A.customerId, 'C000000999') }).toEqual(
        absent.body,
      );
    });

    it('B keeps full use of its own data', async () => {
      const own = await callersOf(B.resellerId, B.customerId);
      for (const role of TENANTS)
        expect((await own[role].get(`/api/customers/${B.customerId}/inventory`)).status, role).toBe(200);
      expect((await own['reseller-admin'].post(`/api/orders/${bIds.orderNo}/submit`)).status).toBe(200);
    });
  });

  describe('the takeover attempts of the review, each refused', () => {
    it("B registering A's reseller id as its child is reseller-exists, and B still sees nothing of A", async () => {
      const taken = await b.admin.post('/api/resellers', { resellerId: A.resellerId, name: 'Mine now' });
      expect(taken.status).toBe(409);
      expect(taken.body.type).toBe('/api/problems/reseller-exists');
      const orderNo = await temporaryOrder(a, A.customerId);
      expect((await b.admin.get(`/api/customers/${A.customerId}`)).status).toBe(404);
      expect((await b.admin.post('/api/orders', order(A.customerId))).status).toBe(404);
      expect((await b.admin.post(`/api/orders/${orderNo}/submit`)).status).toBe(404);
      expect((await a.admin.get(`/api/orders/${orderNo}`)).body.status).toBe('Temporary');
    });

    it('an operator registering an existing reseller as a root is reseller-exists too', async () => {
      const operator = await app.as('operator');
      const again = await operator.post('/api/resellers', { resellerId: A.resellerId, name: 'Re-rooted' });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('/api/problems/reseller-exists');
    });

    it('a reseller registering itself (self-parenting) is reseller-exists', async () => {
      const self = await a.admin.post('/api/resellers', { resellerId: A.resellerId, name: 'Myself' });
      expect(self.status).toBe(409);
    });

    it('a child registering its parent (a cycle) is reseller-exists', async () => {
      expect(
        (await a.admin.post('/api/resellers', { resellerId: 'RS-Vertical-West', name: 'Vertical West' }))
          .status,
      ).toBe(201);
      const child = await app.as('reseller-admin', 'RS-Vertical-West');
      const cycle = await child.post('/api/resellers', { resellerId: A.resellerId, name: 'My parent' });
      expect(cycle.status).toBe(409);
      expect(cycle.body.type).toBe('/api/problems/reseller-exists');
      expect((await child.get(`/api/customers/${A.customerId}`)).status).toBe(404);
    });

    it('a token of a reseller nobody registered gets 403 reseller-not-registered on every customer, order, user and report route', async () => {
      const ghosts = await callersOf('RS-Ghost', A.customerId);
      for (const endpoint of ENDPOINTS.filter((e) => !e.ledgerWide)) {
        for (const role of TENANTS.filter((r) => endpoint.allowed.includes(r))) {
          const head = await app.headPosition();
          const response = await endpoint.send(ghosts[role], { ...aIds, resellerId: 'RS-Ghost' });
          expect(response.status, `${endpoint.route} as ${role}`).toBe(403);
          expect(response.body.type).toBe('/api/problems/reseller-not-registered');
          expect(await app.headPosition()).toBe(head);
        }
      }
      expect(
        (
          await ghosts['reseller-admin'].post('/api/customers', {
            ...VERTICAL_DEMO,
            customerId: 'C000000666',
            resellerId: 'RS-Ghost',
          })
        ).status,
      ).toBe(403);
    });

    it('only the operator adds packages to the catalog and starts rebuilds', async () => {
      const pkg = { name: 'Premium Reseller Special', itemGroup: 'User License', monthlyPrice: 1 };
      expect((await a.admin.post('/api/packages', pkg)).status).toBe(403);
      expect((await a.admin.post('/api/projections/orders/rebuild')).status).toBe(403);
      expect((await (await app.as('operator')).post('/api/packages', pkg)).status).toBe(201);
    });
  });

  it('a customer manager sees only its own customer', async () => {
    const otherManager = await app.as('customer-manager', A.resellerId, { customerId: 'C000000151' });
    expect((await otherManager.get(`/api/customers/${A.customerId}/inventory`)).status).toBe(404);
    expect((await otherManager.delete(`/api/customers/${A.customerId}/users/297`)).status).toBe(404);
  });

  it("a parent reseller sees its child resellers' customers; the child does not see the parent's", async () => {
    expect(
      (await a.admin.post('/api/resellers', { resellerId: 'RS-Vertical-East', name: 'Vertical East' }))
        .status,
    ).toBe(201);
    const childCustomer = {
      ...VERTICAL_DEMO,
      customerId: 'C000000200',
      name: 'East Demo',
      resellerId: 'RS-Vertical-East',
    };
    expect((await a.admin.post('/api/customers', childCustomer)).status).toBe(201);
    const childAdmin = await app.as('reseller-admin', 'RS-Vertical-East');
    expect((await childAdmin.get('/api/customers/C000000200/inventory')).status).toBe(200);
    expect((await a.admin.get('/api/customers/C000000200/inventory')).status).toBe(200);
    expect((await childAdmin.get(`/api/customers/${A.customerId}/inventory`)).status).toBe(404);
    await confirmedOrder(
      { ...a, admin: childAdmin, approver: await app.as('approver', 'RS-Vertical-East') },
      'C000000200',
      [item('Stand Alone VM', 2)],
    );
  });

  it('the approver rejects a Submitted order; the reseller admin rejects an Approved one', async () => {
    const orderNo = await temporaryOrder(a, A.customerId);
    await a.admin.post(`/api/orders/${orderNo}/submit`);
    const early = await a.admin.post(`/api/orders/${orderNo}/reject`, { reason: 'no' });
    expect(early.status).toBe(403);
    expect(early.body.type).toBe('/api/problems/rejecter-not-allowed');
    await a.approver.post(`/api/orders/${orderNo}/approve`);
    expect((await a.approver.post(`/api/orders/${orderNo}/reject`, { reason: 'no' })).status).toBe(403);
    const rejected = await a.admin.post(`/api/orders/${orderNo}/reject`, {
      reason: 'Customer withdrew the change',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'Rejected', rejectReason: 'Customer withdrew the change' });
  });

  it('an approval racing a reject never lets the approver reject an Approved order (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const orderNo = await temporaryOrder(a, A.customerId);
      expect((await a.admin.post(`/api/orders/${orderNo}/submit`)).status).toBe(200);
      const [approve, reject] = await Promise.all([
        a.approver.post(`/api/orders/${orderNo}/approve`),
        a.approver.post(`/api/orders/${orderNo}/reject`, { reason: 'race' }),
      ]);
      const final = (await a.admin.get(`/api/orders/${orderNo}`)).body.status;
      if (approve.status === 200) {
        // The approval was decided first: the reject met an Approved order, which only the reseller admin rejects.
        expect(reject.status).toBe(403);
        expect(reject.body.type).toBe('/api/problems/rejecter-not-allowed');
        expect(final).toBe('Approved');
      } else {
        expect(reject.status).toBe(200);
        expect(approve.status).toBe(409);
        expect(approve.body.type).toBe('/api/problems/invalid-transition');
        expect(final).toBe('Rejected');
      }
    }
  });
});
