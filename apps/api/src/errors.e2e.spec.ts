import type { EventStore } from '@ledger/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE } from './store/store.tokens.js';
import { type Actors, item, seedVerticalDemo, USER_297, VERTICAL_DEMO } from './testing/seed-fixtures.js';
import { startTestApp, type TestApp, type TestResponse } from './testing/test-app.js';

const C = VERTICAL_DEMO.customerId;

describe('client mistakes are clear 4xx problem documents and record nothing', () => {
  let app: TestApp;
  let who: Actors;
  let store: EventStore;

  beforeAll(async () => {
    app = await startTestApp();
    who = await seedVerticalDemo(app);
    store = app.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => app?.close());

  /** Sends the request and checks the answer is the given problem and that nothing was recorded. */
  const refused = async (status: number, rule: string, send: () => Promise<TestResponse>) => {
    const before = await store.headPosition();
    const response = await send();
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    expect(response.body.type).toMatch(new RegExp(`/${rule}$`));
    expect(await store.headPosition()).toBe(before);
    return response.body;
  };

  const order = (overrides: object = {}) => ({
    customerId: C,
    title: 'Vertical Demo Change Order',
    type: 'Change',
    changeDate: '2023-10-24',
    items: [item('Premium iPECS ONE USER', 1)],
    ...overrides,
  });

  describe('400: malformed input names each bad field and its rule', () => {
    it('lists every bad field of an order', async () => {
      const body = await refused(400, 'validation-failed', () =>
        who.admin.post(
          '/api/orders',
          order({
            type: 'Upgrade',
            changeDate: '2023-02-30',
            items: [{ ...item('Basic User With VM', 0), trialDays: -1 }],
          }),
        ),
      );
      expect(body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'type', rule: 'enum' }),
          expect.objectContaining({ field: 'changeDate', rule: 'date' }),
          expect.objectContaining({ field: 'items[0].quantity', rule: 'not-zero' }),
          expect.objectContaining({ field: 'items[0].trialDays', rule: 'min' }),
        ]),
      );
    });

    it('rejects an unknown field by name', async () => {
      const body = await refused(400, 'validation-failed', () =>
        who.admin.post('/api/orders', order({ discount: 10 })),
      );
      expect(body.errors).toEqual([expect.objectContaining({ field: 'discount', rule: 'unknown-field' })]);
    });

    it('rejects a missing field and a wrong type', async () => {
      const body = await refused(400, 'validation-failed', () =>
        who.manager.post(`/api/customers/${C}/users`, {
          ...USER_297,
          extension: '297',
          email: 'not-an-email',
          name: undefined,
        }),
      );
      expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'email',
        'extension',
        'name',
      ]);
    });

    it('rejects malformed JSON', async () => {
      await refused(400, 'malformed-json', () =>
        app.request('POST', '/api/orders', { token: who.admin.token, raw: '{"customerId": "C000000150",' }),
      );
    });

    it('rejects a package that is not in the catalog', async () => {
      const body = await refused(400, 'validation-failed', () =>
        who.admin.post('/api/orders', order({ items: [item('Gold User', 1)] })),
      );
      expect(body.errors).toEqual([
        expect.objectContaining({ field: 'items[0].package', rule: 'in-catalog' }),
      ]);
    });

    it('rejects an extension in the path that is not a number, and an order number that is not one', async () => {
      await refused(400, 'validation-failed', () =>
        who.manager.post(`/api/customers/${C}/users/abc/package`, { package: 'Basic User With VM' }),
      );
      const body = await refused(400, 'validation-failed', () => who.admin.post('/api/orders/abc/submit'));
      expect(body.errors).toEqual([expect.objectContaining({ field: 'orderNo', rule: 'format' })]);
    });

    it('rejects a body on a transition that takes none', async () => {
      const placed = await who.admin.post('/api/orders', order());
      const body = await refused(400, 'validation-failed', () =>
        who.admin.post(`/api/orders/${placed.body.orderNo}/submit`, { force: true }),
      );
      expect(body.errors).toEqual([expect.objectContaining({ field: 'force', rule: 'unknown-field' })]);
    });
  });

  describe('401 and 403', () => {
    it('401 without a token, with a bad one, and with one signed by another secret', async () => {
      await refused(401, 'unauthorized', () => app.request('POST', '/api/orders', { body: order() }));
      await refused(401, 'unauthorized', () =>
        app.request('POST', '/api/orders', { body: order(), token: 'not.a.jwt' }),
      );
      const forged = who.admin.token.slice(0, -4) + 'AAAA';
      await refused(401, 'unauthorized', () =>
        app.request('POST', '/api/orders', { body: order(), token: forged }),
      );
    });

    it('403 for an allowed token with the wrong role', async () => {
      await refused(403, 'forbidden', () => who.approver.post('/api/orders', order()));
      await refused(403, 'forbidden', () =>
        who.manager.post('/api/packages', { name: 'X', itemGroup: 'User License', monthlyPrice: 1 }),
      );
    });
  });

  describe('404 for unknown ids', () => {
    it('unknown customer, order and user', async () => {
      await refused(404, 'not-found', () => who.admin.get('/api/customers/C999999999/inventory'));
      await refused(404, 'not-found', () => who.admin.post('/api/orders/999999/submit'));
      await refused(404, 'user-not-found', () =>
        who.manager.post(`/api/customers/${C}/users/250/package`, { package: 'Basic User With VM' }),
      );
      await refused(404, 'not-found', () => who.admin.post('/api/orders', order({ customerId: 'C404' })));
    });
  });

  describe('409 for a broken domain rule, with the rule in the type', () => {
    it('extension outside the site range and extension taken', async () => {
      await refused(409, 'extension-out-of-range', () =>
        who.manager.post(`/api/customers/${C}/users`, { ...USER_297, extension: 300, portalId: '300@cm' }),
      );
      await refused(409, 'extension-taken', () => who.manager.post(`/api/customers/${C}/users`, USER_297));
    });

    it('no available license for a package change', async () => {
      await refused(409, 'no-available-license', () =>
        who.manager.post(`/api/customers/${C}/users/297/package`, { package: 'Premium PLUS iPECS ONE USER' }),
      );
    });

    it('a return of more licenses than are unassigned', async () => {
      const placed = await who.admin.post('/api/orders', order({ items: [item('Basic User With VM', -1)] }));
      await refused(409, 'return-exceeds-unassigned', () =>
        who.admin.post(`/api/orders/${placed.body.orderNo}/submit`),
      );
    });

    it('final confirm before approval, and a transition the life cycle does not allow', async () => {
      const placed = await who.admin.post('/api/orders', order());
      const orderNo = placed.body.orderNo;
      await refused(409, 'order-not-approved', () => who.admin.post(`/api/orders/${orderNo}/final-confirm`));
      await refused(409, 'invalid-transition', () => who.approver.post(`/api/orders/${orderNo}/approve`));
      expect((await who.admin.post(`/api/orders/${orderNo}/submit`)).status).toBe(200);
      await refused(409, 'invalid-transition', () => who.admin.post(`/api/orders/${orderNo}/cancel`));
      await refused(409, 'order-not-editable', () =>
        who.admin.put(`/api/orders/${orderNo}/items`, { items: [item('Stand Alone VM', 1)] }),
      );
    });

    it('a package name already in the catalog', async () => {
      const operator = await app.as('operator');
      await refused(409, 'package-exists', () =>
        operator.post('/api/packages', {
          name: 'Basic User With VM',
          itemGroup: 'User License',
          monthlyPrice: 25,
        }),
      );
    });
  });

  it('records who did it on every event (actor, role, correlation and causation ids)', async () => {
    const response = await app.request('POST', `/api/customers/${C}/users`, {
      token: who.manager.token,
      headers: { 'x-correlation-id': 'ticket-4711' },
      body: { ...USER_297, extension: 150, portalId: '150@cm', package: 'Basic User With VM' },
    });
    // No idle Basic license: the manager's attempt is refused; use the admin's order to record something instead.
    expect(response.status).toBe(409);
    const placed = await app.request('POST', '/api/orders', {
      token: who.admin.token,
      headers: { 'x-correlation-id': 'ticket-4711' },
      body: order(),
    });
    expect(placed.headers.get('x-correlation-id')).toBe('ticket-4711');
    const [event] = await store.readAll({ after: placed.body.position - 1, maxCount: 1 });
    expect(event?.metadata).toMatchObject({
      actor: 'reseller-admin@RS-Vertical',
      role: 'reseller-admin',
      correlationId: 'ticket-4711',
      causationId: expect.any(String),
      occurredAt: expect.any(String),
    });
  });
});
