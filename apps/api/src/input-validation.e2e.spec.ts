import type { EventStore } from '@ledger/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPackageExample } from './catalog/add-package/add-package.request.js';
import { placeOrderExample } from './orders/place-order/place-order.request.js';
import { registerResellerExample } from './resellers/register-reseller/register-reseller.request.js';
import { EVENT_STORE } from './store/store.tokens.js';
import { type Actors, item, seedVerticalDemo, USER_297, VERTICAL_DEMO } from './testing/seed-fixtures.js';
import { type Caller, startTestApp, type TestApp, type TestResponse } from './testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

interface FieldError {
  field: string;
  rule: string;
}

/** A copy of `body` with `value` at `path` (dots for keys, numbers for array indexes). */
const withValue = (body: unknown, path: string, value: unknown): unknown => {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys
    .slice(0, -1)
    .reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, copy);
  parent[keys.at(-1)!] = value;
  return copy;
};

/** `items.0.package` as the errors name it: `items[0].package`. */
const fieldOf = (path: string) => path.replace(/\.(\d+)/g, '[$1]');

describe('input at the edge: every string, path parameter and cursor is checked before anything is recorded', () => {
  let app: TestApp;
  let who: Actors;
  let operator: Caller;
  let store: EventStore;
  let orderNo: string;

  beforeAll(async () => {
    app = await startTestApp();
    who = await seedVerticalDemo(app);
    operator = await app.as('operator');
    store = app.app.get<EventStore>(EVENT_STORE);
    const placed = await who.admin.post('/api/orders', {
      ...placeOrderExample,
      items: [item('Premium iPECS ONE USER', 1)],
    });
    orderNo = placed.body.orderNo;
  });
  afterAll(() => app?.close());

  /** A 400 whose errors name `field` once, with `rule`, and nothing recorded. */
  const invalid = async (
    field: string,
    rule: string,
    send: () => Promise<TestResponse>,
  ): Promise<FieldError[]> => {
    const before = await store.headPosition();
    const response = await send();
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.type).toMatch(/\/validation-failed$/);
    const errors = response.body.errors as FieldError[];
    expect(
      errors.filter((e) => e.field === field),
      JSON.stringify(errors),
    ).toEqual([expect.objectContaining({ field, rule })]);
    expect(new Set(errors.map((e) => e.field)).size, 'one entry per field').toBe(errors.length);
    expect(await store.headPosition()).toBe(before);
    return errors;
  };

  const commands = (): {
    name: string;
    send: (body: unknown) => Promise<TestResponse>;
    body: unknown;
    fields: string[];
  }[] => [
    {
      name: 'POST /api/packages',
      send: (b) => operator.post('/api/packages', b),
      body: { ...addPackageExample, name: 'Gold' },
      fields: ['name', 'itemGroup'],
    },
    {
      name: 'POST /api/resellers',
      send: (b) => who.admin.post('/api/resellers', b),
      body: registerResellerExample,
      fields: ['resellerId', 'name'],
    },
    {
      name: 'POST /api/customers',
      send: (b) => who.admin.post('/api/customers', b),
      body: { ...VERTICAL_DEMO, customerId: 'C2' },
      fields: ['customerId', 'name', 'resellerId', 'servicePlan', 'billingAccount', 'sites.0.name'],
    },
    {
      name: 'POST /api/orders',
      send: (b) => who.admin.post('/api/orders', b),
      body: {
        ...placeOrderExample,
        note: 'n',
        items: [{ ...item('Premium iPECS ONE USER', 1), comment: 'c' }],
      },
      fields: [
        'customerId',
        'title',
        'type',
        'changeDate',
        'note',
        'items.0.itemGroup',
        'items.0.package',
        'items.0.billingAccount',
        'items.0.comment',
      ],
    },
    {
      name: 'PUT /api/orders/{orderNo}/items',
      send: (b) => who.admin.put(`/api/orders/${orderNo}/items`, b),
      body: { items: [{ ...item('Premium iPECS ONE USER', 2), comment: 'c' }] },
      fields: ['items.0.package', 'items.0.comment'],
    },
    {
      name: 'POST /api/orders/{orderNo}/reject',
      send: (b) => who.approver.post(`/api/orders/${orderNo}/reject`, b),
      body: { reason: 'r' },
      fields: ['reason'],
    },
    {
      name: 'POST /api/customers/{customerId}/users',
      send: (b) => who.manager.post(`/api/customers/${C}/users`, b),
      body: { ...USER_297, extension: 298 },
      fields: ['name', 'site', 'portalId', 'email', 'package'],
    },
    {
      name: 'POST /api/customers/{customerId}/users/{extension}/package',
      send: (b) => who.manager.post(`/api/customers/${C}/users/297/package`, b),
      body: { package: 'Premium iPECS ONE USER' },
      fields: ['package'],
    },
  ];

  describe('U+0000, unpaired surrogates and control characters in a body', () => {
    it('U+0000 in an order title is a 400 naming the title, and uses up no order number', async () => {
      await invalid('title', 'no-null-character', () =>
        who.admin.post('/api/orders', { ...placeOrderExample, title: `Change${NUL}Order` }),
      );
      const next = await who.admin.post('/api/orders', placeOrderExample);
      expect(Number(next.body.orderNo)).toBe(Number(orderNo) + 1);
      await who.admin.post(`/api/orders/${next.body.orderNo}/cancel`);
    });

    it('refuses U+0000 and an unpaired surrogate in every string field of every command', async () => {
      for (const { name, send, body, fields } of commands()) {
        for (const path of fields) {
          for (const [hostile, rule] of [
            [`a${NUL}b`, 'no-null-character'],
            [`a${LONE_SURROGATE}b`, 'well-formed-unicode'],
            ['\udc00', 'well-formed-unicode'],
          ] as const) {
            await expect(
              invalid(fieldOf(path), rule, () => send(withValue(body, path, hostile))),
              `${name} ${path}`,
            ).resolves.toBeDefined();
          }
        }
      }
    });

    it('accepts a surrogate pair (an emoji) where text is free', async () => {
      const response = await who.approver.post(`/api/orders/${orderNo}/reject`, {
        reason: 'no \ud83d\ude00',
      });
      expect(response.status).toBe(409); // the order is Temporary: the domain, not the edge, refuses it
    });

    it('refuses other control characters in one-line text, and allows tab and new lines in free text', async () => {
      await invalid('title', 'no-control-character', () =>
        who.admin.post('/api/orders', { ...placeOrderExample, title: 'a\u0007b' }),
      );
      await invalid('title', 'no-control-character', () =>
        who.admin.post('/api/orders', { ...placeOrderExample, title: 'line\nbreak' }),
      );
      await invalid('note', 'no-control-character', () =>
        who.admin.post('/api/orders', { ...placeOrderExample, note: 'esc\u001b[0m' }),
      );
      await invalid('reason', 'no-control-character', () =>
        who.approver.post(`/api/orders/${orderNo}/reject`, { reason: 'a\u0085b' }),
      );
      const placed = await who.admin.post('/api/orders', {
        ...placeOrderExample,
        note: 'first line\n\tsecond line\r\n',
      });
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({ orderNo: expect.any(String) });
      await who.admin.post(`/api/orders/${placed.body.orderNo}/cancel`);
    });

    it('names a field whose name carries U+0000 or a lone surrogate, escaped', async () => {
      const errors = await invalid('ti\\u0000tle', 'no-null-character', () =>
        app.request('POST', '/api/orders', {
          token: who.admin.token,
          raw: JSON.stringify({ ...placeOrderExample, [`ti${NUL}tle`]: 'x' }),
        }),
      );
      expect(errors.every((e) => !e.field.includes(NUL))).toBe(true);
      await invalid('\\ud800', 'well-formed-unicode', () =>
        who.admin.post(`/api/orders/${orderNo}/submit`, { [LONE_SURROGATE]: 1 }),
      );
    });

    it('reports one error per field: the character rule wins over the length and format rules', async () => {
      await invalid('title', 'no-null-character', () =>
        who.admin.post('/api/orders', { ...placeOrderExample, title: `${NUL}${'x'.repeat(300)}` }),
      );
      await invalid('customerId', 'no-null-character', () =>
        who.admin.post('/api/orders', { ...placeOrderExample, customerId: NUL }),
      );
      await invalid('customerId', 'format', () =>
        who.admin.post('/api/orders', { ...placeOrderExample, customerId: '' }),
      );
      await invalid('changeDate', 'format', () =>
        who.admin.post('/api/orders', { ...placeOrderExample, changeDate: 'soon' }),
      );
      await invalid('email', 'no-null-character', () =>
        who.manager.post(`/api/customers/${C}/users`, { ...USER_297, email: `a${NUL}@b.c` }),
      );
    });
  });

  describe('query parameters', () => {
    it('U+0000 in a query parameter is a 400 naming it', async () => {
      await invalid('customerId', 'no-null-character', () => who.admin.get('/api/orders?customerId=C%00'));
      await invalid('status', 'no-null-character', () => who.admin.get('/api/orders?status=Temporary%00'));
      await invalid('from', 'no-null-character', () =>
        who.admin.get(`/api/customers/${C}/timeline?from=%00`),
      );
    });

    it('a minPosition past the head of the store is a 400, not a wait', async () => {
      const head = await store.headPosition();
      await invalid('minPosition', 'max', () =>
        who.admin.get(`/api/customers/${C}/users?minPosition=${head + 1000}`),
      );
      await invalid('minPosition', 'max', () => who.admin.get(`/api/orders?minPosition=${head + 1}`));
      expect((await who.admin.get(`/api/orders?minPosition=${head}`)).status).toBe(200);
    });
  });

  describe('cursors', () => {
    it('pages with the cursors a list gives out', async () => {
      const first = await who.admin.get('/api/orders?limit=1');
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await who.admin.get(`/api/orders?limit=1&cursor=${first.body.nextCursor}`);
      expect(second.status).toBe(200);
      expect(second.body.items[0].orderNo).not.toBe(first.body.items[0].orderNo);
    });

    it('a cursor this API did not give out is a 400 naming cursor', async () => {
      const encode = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      const ordersCursor = (await who.admin.get('/api/orders?limit=1')).body.nextCursor as string;
      await invalid('cursor', 'cursor', () => who.admin.get('/api/orders?cursor=not-a-cursor'));
      await invalid('cursor', 'cursor', () => who.admin.get('/api/orders?cursor='));
      await invalid('cursor', 'cursor', () => who.admin.get(`/api/orders?cursor=${encode('12')}`));
      await invalid('cursor', 'cursor', () =>
        who.admin.get(`/api/orders?cursor=${encode({ orderNo: '500001' })}`),
      );
      await invalid('cursor', 'cursor', () => who.admin.get(`/api/orders?cursor=${ordersCursor}%3D%3D`));
      await invalid('cursor', 'cursor', () =>
        who.admin.get(`/api/customers/${C}/users?cursor=${ordersCursor}`),
      );
      await invalid('cursor', 'cursor', () =>
        who.admin.get(`/api/customers/${C}/users?cursor=${encode(-1)}`),
      );
      await invalid('cursor', 'cursor', () =>
        who.admin.get(`/api/resellers/RS-Vertical/customers?cursor=${encode(42)}`),
      );
      await invalid('cursor', 'no-null-character', () => who.admin.get('/api/orders?cursor=%00'));
    });
  });

  describe('path parameters', () => {
    /** Each route refuses each segment with its rule, naming `field`. */
    const refusesSegments = async (
      field: string,
      cases: [segment: string, rule: string][],
      routes: ((segment: string) => Promise<TestResponse>)[],
    ) => {
      for (const [segment, rule] of cases)
        for (const route of routes) await invalid(field, rule, () => route(segment));
    };

    it('an order number that is not digits, or out of the range order numbers have, is a 400 naming orderNo', async () => {
      await refusesSegments(
        'orderNo',
        [
          ['abc', 'format'],
          ['1e6', 'format'],
          ['-500001', 'format'],
          ['12', 'range'],
          ['0500001', 'range'],
          ['9'.repeat(30), 'range'],
          ['%00', 'no-null-character'],
        ],
        [
          (no) => who.admin.get(`/api/orders/${no}`),
          (no) => who.admin.post(`/api/orders/${no}/submit`),
          (no) => who.admin.put(`/api/orders/${no}/items`, { items: [] }),
        ],
      );
      expect((await who.admin.get('/api/orders/999999')).status).toBe(404);
    });

    it('an extension that is not an integer or out of the extension range is a 400 naming extension', async () => {
      await refusesSegments(
        'extension',
        [
          ['abc', 'integer'],
          ['1.5', 'integer'],
          ['-1', 'min'],
          ['100000000', 'max'],
          ['9'.repeat(30), 'max'],
        ],
        [
          (ext) =>
            who.manager.post(`/api/customers/${C}/users/${ext}/package`, { package: 'Basic User With VM' }),
          (ext) => who.manager.delete(`/api/customers/${C}/users/${ext}`),
          (ext) => who.manager.get(`/api/customers/${C}/users/${ext}/packages`),
        ],
      );
    });

    it('a customer id or reseller id not in the id format is a 400 naming it', async () => {
      for (const path of ['', '/inventory', '/users', '/timeline', '/users/297/packages']) {
        await invalid('customerId', 'format', () => who.admin.get(`/api/customers/C%20150${path}`));
        await invalid('customerId', 'no-null-character', () => who.admin.get(`/api/customers/C%00${path}`));
      }
      await invalid('customerId', 'format', () =>
        who.manager.post(`/api/customers/${'C'.repeat(41)}/users`, USER_297),
      );
      await invalid('customerId', 'no-null-character', () =>
        who.manager.delete(`/api/customers/C%00/users/297`),
      );
      await invalid('resellerId', 'format', () => who.admin.get('/api/resellers/RS%2FVertical/customers'));
    });

    it('a projection name not in kebab-case is a 400 naming it; an unknown one is a 404', async () => {
      await invalid('name', 'format', () => operator.post('/api/projections/Orders!/rebuild'));
      await invalid('name', 'no-null-character', () => operator.post('/api/projections/orders%00/rebuild'));
      expect((await operator.post('/api/projections/no-such-thing/rebuild')).status).toBe(404);
    });

    it('a path segment that is not UTF-8 is a 400, never a 500', async () => {
      const response = await who.admin.get('/api/customers/%ED%A0%80/users');
      expect(response.status).toBe(400);
    });
  });

  describe('packages on the user routes are checked against the catalog, as on orders', () => {
    it('an unknown package when adding a user is a 400 in-catalog naming package', async () => {
      await invalid('package', 'in-catalog', () =>
        who.manager.post(`/api/customers/${C}/users`, { ...USER_297, extension: 298, package: 'Gold User' }),
      );
    });

    it('an unknown target package is a 400 in-catalog naming package', async () => {
      await invalid('package', 'in-catalog', () =>
        who.manager.post(`/api/customers/${C}/users/297/package`, { package: 'Gold User' }),
      );
    });

    it('a customer out of scope is still a 404, before the catalog is asked', async () => {
      const stranger = await app.as('customer-manager', 'RS-Vertical', { customerId: 'C999' });
      const response = await stranger.post(`/api/customers/${C}/users/297/package`, { package: 'Gold User' });
      expect(response.status).toBe(404);
    });
  });
});
