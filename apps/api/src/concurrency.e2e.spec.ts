import type { EventStore } from '@ledger/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE } from './store/store.tokens.js';
import {
  type Actors,
  confirmedOrder,
  item,
  seedVerticalDemo,
  USER_297,
  VERTICAL_DEMO,
} from './testing/seed-fixtures.js';
import { startTestApp, type TestApp } from './testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const RACERS = 50;
const premiumRow = async (who: Actors) =>
  (await who.admin.get(`/api/customers/${C}/inventory`)).body.packages.find(
    (p: { package: string }) => p.package === 'Premium iPECS ONE USER',
  );

describe('real concurrency on the real PostgreSQL', () => {
  let app: TestApp;
  let who: Actors;

  beforeAll(async () => {
    app = await startTestApp();
    who = await seedVerticalDemo(app, RACERS);
    for (let i = 1; i < RACERS; i++) {
      const added = await who.manager.post(`/api/customers/${C}/users`, {
        ...USER_297,
        extension: 100 + i,
        name: `User ${i}`,
        portalId: `${100 + i}@cm`,
      });
      expect(added.status).toBe(201);
    }
    await confirmedOrder(who, C, [item('Premium iPECS ONE USER', 1)]);
  });
  afterAll(() => app?.close());

  it(`${RACERS} concurrent package changes racing for the last Premium license: exactly one wins`, async () => {
    const extensions = [297, ...Array.from({ length: RACERS - 1 }, (_, i) => 101 + i)];
    const responses = await Promise.all(
      extensions.map((extension) =>
        who.manager.post(`/api/customers/${C}/users/${extension}/package`, {
          package: 'Premium iPECS ONE USER',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(RACERS - 1);
    // Commands on one stream take turns in the process: every loser decided on the winner's state.
    for (const refused of responses.filter((r) => r.status === 409)) expect(refused.body.type).toMatch(/\/no-available-license$/);
    expect(await premiumRow(who)).toMatchObject({ held: 1, assigned: 1, available: 0 });
    const basic = (await who.admin.get(`/api/customers/${C}/inventory`)).body.packages.find(
      (p: { package: string }) => p.package === 'Basic User With VM',
    );
    expect(basic).toMatchObject({ held: RACERS, assigned: RACERS - 1, available: 1 });
  });
});

describe('writers of one process never conflict with each other', () => {
  let app: TestApp;
  let who: Actors;

  beforeAll(async () => {
    app = await startTestApp();
    who = await seedVerticalDemo(app, 40);
  });
  afterAll(() => app?.close());

  it('32 concurrent user adds on one customer are all recorded: none refused with concurrency-conflict', async () => {
    const before = (await who.admin.get(`/api/customers/${C}/inventory`)).body.packages.find((p: { package: string }) => p.package === 'Basic User With VM');
    const responses = await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        who.manager.post(`/api/customers/${C}/users`, { ...USER_297, extension: 100 + i, name: `Writer ${i}`, portalId: `${100 + i}@cm` }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 32 }, () => 201));
    const after = (await who.admin.get(`/api/customers/${C}/inventory`)).body.packages.find((p: { package: string }) => p.package === 'Basic User With VM');
    expect(after.assigned).toBe(before.assigned + 32);
  });
});

describe('Idempotency-Key', () => {
  let app: TestApp;
  let who: Actors;
  let store: EventStore;

  beforeAll(async () => {
    app = await startTestApp();
    who = await seedVerticalDemo(app, 2);
    store = app.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => app?.close());

  const order = {
    customerId: C,
    title: 'Retry me',
    type: 'Change',
    changeDate: '2023-10-24',
    items: [item('Stand Alone VM', 1)],
  };

  it('a retry with the same key and body returns the first response and records nothing', async () => {
    const first = await who.admin.post('/api/orders', order, { 'idempotency-key': 'order-1' });
    expect(first.status).toBe(201);
    const head = await store.headPosition();
    const retry = await who.admin.post(
      '/api/orders',
      { ...order, items: [...order.items] },
      { 'idempotency-key': 'order-1' },
    );
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await store.headPosition()).toBe(head);
  });

  it('the same key with another body is a 422 and records nothing', async () => {
    await who.admin.post('/api/orders', order, { 'idempotency-key': 'order-2' });
    const head = await store.headPosition();
    const other = await who.admin.post(
      '/api/orders',
      { ...order, title: 'Something else' },
      { 'idempotency-key': 'order-2' },
    );
    expect(other.status).toBe(422);
    expect(other.body.type).toMatch(/\/idempotency-key-reused$/);
    expect(await store.headPosition()).toBe(head);
  });

  it('replays an error too, even when the request would now succeed', async () => {
    const body = { ...USER_297, extension: 120, portalId: '120@cm', package: 'Premium iPECS ONE USER' };
    const refused = await who.manager.post(`/api/customers/${C}/users`, body, {
      'idempotency-key': 'user-120',
    });
    expect(refused.status).toBe(409);
    await confirmedOrder(who, C, [item('Premium iPECS ONE USER', 1)]);
    const replay = await who.manager.post(`/api/customers/${C}/users`, body, {
      'idempotency-key': 'user-120',
    });
    expect(replay.status).toBe(409);
    expect(replay.body).toEqual(refused.body);
    expect(replay.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('keys are scoped to the caller: another actor may use the same key', async () => {
    const other = await app.as('reseller-admin', 'RS-Vertical', { sub: 'bob' });
    const first = await who.admin.post('/api/orders', order, { 'idempotency-key': 'shared-key' });
    const second = await other.post('/api/orders', order, { 'idempotency-key': 'shared-key' });
    expect(second.status).toBe(201);
    expect(second.body.orderNo).not.toBe(first.body.orderNo);
  });

  it('replays the first body byte for byte', async () => {
    const send = () =>
      fetch(`${app.baseUrl}/api/orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${who.admin.token}`,
          'content-type': 'application/json',
          'idempotency-key': 'bytes',
        },
        body: JSON.stringify(order),
      });
    const first = await (await send()).text();
    const replay = await send();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(first);
  });

  it('keys are scoped to the reseller too: the same sub and key in another reseller is another request', async () => {
    const alice = await app.as('reseller-admin', 'RS-Vertical', { sub: 'alice' });
    expect(
      (
        await alice.post(
          '/api/resellers',
          { resellerId: 'RS-Alice-East', name: 'East' },
          { 'idempotency-key': 'k' },
        )
      ).status,
    ).toBe(201);
    const aliceEast = await app.as('reseller-admin', 'RS-Alice-East', { sub: 'alice' });
    const child = await aliceEast.post(
      '/api/resellers',
      { resellerId: 'RS-Alice-East-1', name: 'East 1' },
      { 'idempotency-key': 'k' },
    );
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ resellerId: 'RS-Alice-East-1', parentResellerId: 'RS-Alice-East' });
  });

  it('ten concurrent sends of one key record the order once', async () => {
    const head = await store.headPosition();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => who.admin.post('/api/orders', order, { 'idempotency-key': 'burst' })),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((r) => r.body.orderNo)).size).toBe(1);
    for (const r of responses.filter((r) => r.status !== 201))
      expect(r.body.type).toMatch(/\/idempotency-key-in-progress$/);
    // One order number assigned + OrderPlaced + one LicenseOrdered.
    expect(await store.headPosition()).toBe(head + 3);
  });
});
