import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTab, screenshot, signInByLink } from './browser';
import { startLedger, type Ledger } from './ledger-process';

/** A day in the middle of the demo history, which ends today. */
const MIDWAY = new Date(Date.now() - 180 * 86_400_000).toISOString().slice(0, 10);

/** Every page a role may open, as its nav offers it; each must draw without a console error. */
const PAGES: Record<string, readonly string[]> = {
  'reseller-admin': [
    '/fleet',
    '/customers/C000000150',
    '/orders',
    '/orders?status=Submitted',
    '/audit',
    `/audit?customerId=C000000150&at=${MIDWAY}`,
    '/reconciliation',
    '/reconciliation?customerId=C000000150',
  ],
  approver: ['/fleet', '/orders?status=Submitted'],
  'customer-manager': ['/', '/orders', '/audit', '/reconciliation'],
  auditor: ['/fleet', '/audit?type=PackageChanged'],
  'billing-analyst': ['/reconciliation', '/customers/C000000151'],
  operator: ['/', '/fleet'],
};

const settled = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('status')
    .filter({ hasText: /^Loading/ })
    .waitFor({ state: 'detached' });
};
const shotName = (role: string, path: string) => `${role}${path.replace(/[/?=&]+/g, '-').replace(/-$/, '')}`;

describe('every page of the dashboard, for every role, on the demo history', () => {
  let ledger: Ledger;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    ledger = await startLedger({ demo: ['--customers', '6', '--months', '12', '--seed', '1'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
  });

  it.each(Object.entries(PAGES))('as %s: draws each page with its data and charts', async (role, paths) => {
    const tab = await openTab(browser);
    const token =
      role === 'operator'
        ? ledger.token(role)
        : ledger.token(role, 'RS-Vertical', role === 'customer-manager' ? 'C000000150' : undefined);
    await signInByLink(tab.page, ledger.url, paths[0]!, token);
    for (const path of paths) {
      await tab.page.goto(`${ledger.url}${path}`);
      await settled(tab.page);
      expect(await tab.page.locator('[role=alert]').count(), `${role} ${path} shows an error`).toBe(0);
      await screenshot(tab.page, shotName(role, path));
    }
    errors.push(...tab.errors);
    await tab.page.close();
  });

  it('draws the charts of the demo history: the fleet, the held licenses by package, the monthly adds and returns', async () => {
    const { page } = await openTab(browser);
    await signInByLink(page, ledger.url, '/fleet', ledger.token('reseller-admin', 'RS-Vertical'));
    await settled(page);
    expect(
      await page.locator('figure[aria-label="Licenses per customer"] .recharts-bar-rectangle').count(),
    ).toBeGreaterThan(6);
    // Acme Dental has a year of history; the seed's Vertical Demo story is only its last weeks.
    await page.goto(`${ledger.url}/customers/C000000151`);
    await settled(page);
    expect(
      await page.locator('figure[aria-label="Held licenses by package over time"] .recharts-area').count(),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await page
        .locator('figure[aria-label="Licenses added and returned per month"] .recharts-bar-rectangle')
        .count(),
    ).toBeGreaterThan(3);
  });

  it('sends a customer manager to its own customer, and shows the operator the read models only', async () => {
    const { page } = await openTab(browser);
    await signInByLink(page, ledger.url, '/', ledger.token('customer-manager', 'RS-Vertical', 'C000000150'));
    await page.waitForURL(/\/customers\/C000000150$/);
    await page.goto(`${ledger.url}/fleet`);
    expect(await page.getByRole('heading', { name: 'Not for this role' }).isVisible()).toBe(true);
    const operator = await openTab(browser);
    await signInByLink(operator.page, ledger.url, '/', ledger.token('operator'));
    await operator.page.waitForURL(/\/operator$/);
    await operator.page.getByRole('table', { name: 'Read models' }).waitFor();
    expect(await operator.page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).toBe(0);
  });

  it('signs in with a pasted token, and refuses one that is not a ledger token', async () => {
    const { page } = await openTab(browser);
    await page.goto(`${ledger.url}/orders?status=Approved`);
    await page.getByLabel('Token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('not a ledger token');
    await screenshot(page, 'sign-in-refused');
    await page.getByLabel('Token').fill(ledger.token('approver', 'RS-Vertical'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The shared address opens as it was, filters included.
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=Approved');
  });

  it('logged no console error on any page', () => {
    expect(errors).toEqual([]);
  });
});
