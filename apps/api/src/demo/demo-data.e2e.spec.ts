import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_SECRET, type TestApp } from '../testing/test-app.js';
import { seedDemoData } from './demo-data.js';

describe('demo data of npm start', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
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
});
