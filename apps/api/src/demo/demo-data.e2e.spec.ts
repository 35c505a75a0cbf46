import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testSettings, type TestApp } from '../testing/test-app.js';
import { DEMO_USERS } from './demo-data.js';
import { recordDemoHistory } from './record-demo-history.js';

type DemoUser = { role: string; resellerId?: string; customerId?: string; token: string };

describe('demo data of npm start', () => {
  let database: TestDatabase;
  let app: TestApp;
  let users: DemoUser[];
  let head: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const recorded = await recordDemoHistory(
      { ...testSettings(database.url), logLevel: 'silent' },
      { customers: 3, months: 3, seed: 1, end: '2026-07-01' },
    );
    // The embedded demo's own secret: the app mounts the sign-in picker's route.
    app = await startTestApp({ database, app: { secretSource: 'data-folder' } });
    users = (await app.request('GET', '/api/demo/tokens')).body;
    head = recorded?.events ?? 0;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("hands out the demo users' tokens on the embedded demo, each good for what its role may do", async () => {
    expect(users.map(({ role, resellerId, customerId }) => ({ role, resellerId, customerId }))).toEqual(
      DEMO_USERS.map(({ role, resellerId, customerId }) => ({ role, resellerId, customerId })),
    );
    // The operator reads no customer data; East's admin does not see its parent's customer.
    const expected = (user: DemoUser) =>
      user.role === 'operator' ? 403 : user.resellerId === 'RS-Vertical-East' ? 404 : 200;
    for (const user of users) {
      const inventory = await app.request('GET', '/api/customers/C000000150/inventory', {
        token: user.token,
      });
      expect(inventory.status, `${user.role} of ${user.resellerId}`).toBe(expected(user));
    }
  });

  it('offers the people the demo history speaks for: what each did is in its audit trail', async () => {
    for (const user of users.filter(({ role }) => !['operator', 'auditor'].includes(role))) {
      const { status, body } = await app.request(
        'GET',
        `/api/audit?actor=demo-${user.role}&limit=1&minPosition=${head}`,
        { token: user.token },
      );
      expect({ status, found: body.items?.length }, `${user.role} of ${user.resellerId}`).toEqual({
        status: 200,
        found: 1,
      });
    }
  });

  it('has no demo tokens route when the secret is configured', async () => {
    const configured = await startTestApp();
    try {
      expect((await configured.request('GET', '/api/demo/tokens')).status).toBe(404);
    } finally {
      await configured.close();
    }
  });
});
