import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_SECRET, type TestApp } from '../testing/test-app.js';
import { seedDemoData } from './demo-data.js';

describe('demo data of npm start', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ app: { secretSource: 'data-folder' } });
  });
  afterAll(() => app?.close());

  it('records the demo through the public API once, and not again on the next start', async () => {
    expect(await seedDemoData(app.baseUrl, TEST_SECRET)).toBe(true);
    const auditor = await app.as('auditor');
    const inventory = await auditor.get('/api/customers/C000000150/inventory');
    expect(inventory.body.packages).toEqual(
      expect.arrayContaining([expect.objectContaining({ package: 'Basic User With VM', held: 7, reserved: 1, available: 1 })]),
    );
    expect(await seedDemoData(app.baseUrl, TEST_SECRET)).toBe(false);
  });

  it("hands out the demo users' tokens on the embedded demo, each good for what its role may do", async () => {
    const users = (await app.request('GET', '/api/demo/tokens')).body as { role: string; resellerId?: string; customerId?: string; token: string }[];
    expect(users.map(({ role, resellerId, customerId }) => ({ role, resellerId, customerId }))).toContainEqual({
      role: 'customer-manager',
      resellerId: 'RS-Vertical',
      customerId: 'C000000150',
    });
    // The operator reads no customer data; East's admin does not see its parent's customer.
    const expected = (user: (typeof users)[number]) => (user.role === 'operator' ? 403 : user.resellerId === 'RS-Vertical-East' ? 404 : 200);
    for (const user of users) {
      const inventory = await app.request('GET', '/api/customers/C000000150/inventory', { token: user.token });
      expect(inventory.status, `${user.role} of ${user.resellerId}`).toBe(expected(user));
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
