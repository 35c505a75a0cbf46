import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTab, screenshot, signInByLink } from './browser';
import { startLedger, type Ledger } from './ledger-process';

const CUSTOMER = 'C000000150';
const BASIC = 'Basic User With VM';
const PREMIUM = 'Premium iPECS ONE USER';
const item = (pkg: string, quantity: number) => ({
  itemGroup: 'User License',
  package: pkg,
  quantity,
  trialDays: 0,
  billingAccount: 'Vertical Demo',
});

/**
 * The seed's upgrade story (DOMAIN.md): user 297 moves from Basic to Premium and the Basic license
 * is returned. Orders are placed through the API (the dashboard has no order form); every step an
 * order takes after that is a button pressed in the dashboard, by the role whose step it is.
 */
describe('the upgrade story, walked through the dashboard in Chromium', () => {
  let ledger: Ledger;
  let browser: Browser;
  let admin: string;
  let approver: string;
  let adminTab: { page: Page; errors: string[] };
  let approverTab: { page: Page; errors: string[] };
  let refusalTab: { page: Page; errors: string[] };

  const placeOrder = async (items: ReturnType<typeof item>[]) =>
    (
      await ledger.call<{ orderNo: string }>(admin, 'POST', '/api/orders', {
        customerId: CUSTOMER,
        title: 'Vertical Demo Change Order',
        type: 'Change',
        changeDate: '2026-11-01',
        items,
      })
    ).orderNo;
  /** Presses an action button on the order page and waits for the status it leads to. */
  const press = async (page: Page, orderNo: string, button: string, status: string) => {
    await page.goto(`${ledger.url}/orders/${orderNo}`);
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.locator('h1 .badge', { hasText: status }).waitFor();
  };

  beforeAll(async () => {
    ledger = await startLedger();
    const operator = ledger.token('operator');
    await ledger.call(operator, 'POST', '/api/resellers', {
      resellerId: 'RS-Vertical',
      name: 'Vertical Communications',
    });
    await ledger.call(operator, 'POST', '/api/packages', {
      name: BASIC,
      itemGroup: 'User License',
      monthlyPrice: 20,
    });
    await ledger.call(operator, 'POST', '/api/packages', {
      name: PREMIUM,
      itemGroup: 'User License',
      monthlyPrice: 30,
    });
    admin = ledger.token('reseller-admin', 'RS-Vertical');
    approver = ledger.token('approver', 'RS-Vertical');
    await ledger.call(admin, 'POST', '/api/customers', {
      customerId: CUSTOMER,
      name: 'Vertical Demo',
      resellerId: 'RS-Vertical',
      servicePlan: 'Standard Plan',
      billingAccount: 'Vertical Demo',
      sites: [{ name: 'Vertical Demo', extensionMin: 100, extensionMax: 299 }],
    });
    const first = await placeOrder([item(BASIC, 7)]);
    await ledger.call(admin, 'POST', `/api/orders/${first}/submit`, {});
    await ledger.call(approver, 'POST', `/api/orders/${first}/approve`, {});
    await ledger.call(admin, 'POST', `/api/orders/${first}/final-confirm`, {});
    for (const extension of [297, 201]) {
      await ledger.call(admin, 'POST', `/api/customers/${CUSTOMER}/users`, {
        extension,
        name: extension === 297 ? '9240 Demo' : 'Vertical User',
        site: 'Vertical Demo',
        portalId: `${extension}@cm-vertical-demo.com`,
        email: `u${extension}@vertical.com`,
        package: BASIC,
      });
    }
    browser = await launchChromium();
    adminTab = await openTab(browser);
    approverTab = await openTab(browser);
    refusalTab = await openTab(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
  });

  it('moves 297 to Premium with the Basic license returned, and the customer page, chart and audit trail show it', async () => {
    const { page } = adminTab;
    await signInByLink(page, ledger.url, `/customers/${CUSTOMER}`, admin);
    const legend = page.locator(
      'figure[aria-label="Held licenses by package over time"] .recharts-legend-wrapper',
    );
    await expect.poll(() => legend.textContent(), { timeout: 20_000 }).toContain(BASIC);
    expect(await legend.textContent()).not.toContain(PREMIUM);
    await screenshot(page, 'story-1-customer-before');

    // The Premium license: submit, approve, final confirm, each by its role's button.
    const upgrade = await placeOrder([item(PREMIUM, 1)]);
    await press(page, upgrade, 'Submit', 'Submitted');
    await signInByLink(approverTab.page, ledger.url, `/orders/${upgrade}`, approver);
    await press(approverTab.page, upgrade, 'Approve', 'Approved');
    await press(page, upgrade, 'Final confirm', 'Final Confirmed');
    const premiumLine = page.getByRole('table', { name: 'Order items' }).getByRole('row').nth(1);
    expect((await premiumLine.locator('td').allTextContents()).slice(5, 8)).toEqual(['0', '+1', '1']);
    await screenshot(page, 'story-2-order-confirmed');

    // 297 moves (a user's package change has no form in the dashboard), then the Basic license goes back.
    await ledger.call(admin, 'POST', `/api/customers/${CUSTOMER}/users/297/package`, { package: PREMIUM });
    const giveBack = await placeOrder([item(BASIC, -1)]);
    await press(page, giveBack, 'Submit', 'Submitted');
    await press(approverTab.page, giveBack, 'Approve', 'Approved');
    await press(page, giveBack, 'Final confirm', 'Final Confirmed');

    await page.goto(`${ledger.url}/customers/${CUSTOMER}`);
    const inventory = page.getByRole('table', { name: 'Inventory' });
    await expect
      .poll(() =>
        inventory
          .getByRole('row', { name: new RegExp(`^${PREMIUM}`) })
          .locator('td')
          .nth(1)
          .textContent(),
      )
      .toBe('1');
    expect(
      await inventory
        .getByRole('row', { name: new RegExp(`^${BASIC}`) })
        .locator('td')
        .nth(1)
        .textContent(),
    ).toBe('6');
    await expect.poll(() => legend.textContent()).toContain(PREMIUM);
    expect(
      await page.getByRole('table', { name: 'Users' }).getByRole('row', { name: /^297/ }).textContent(),
    ).toContain(PREMIUM);
    await screenshot(page, 'story-3-customer-after');

    await page.goto(`${ledger.url}/audit?customerId=${CUSTOMER}`);
    const trail = page.getByRole('table', { name: 'Audit trail' });
    await trail.waitFor();
    const summaries = await trail.locator('tbody tr').allTextContents();
    expect(summaries.some((row) => row.includes('PackageChanged') && row.includes(PREMIUM))).toBe(true);
    expect(summaries.filter((row) => row.includes('OrderFinalConfirmed')).length).toBe(3);
    await screenshot(page, 'story-4-audit');
  });

  it("shows the API's refusal when a rule refuses a button, and then the order as it stands", async () => {
    const order = await placeOrder([item(BASIC, 1)]);
    await ledger.call(admin, 'POST', `/api/orders/${order}/submit`, {});
    // The tab's live refresh is held (its polls see no read model moving), so it cannot redraw the
    // order between the other approver's approval and this press.
    const { page } = refusalTab;
    let holdLiveRefresh = true;
    await page.route('**/api/projections', (route) =>
      holdLiveRefresh ? route.fulfill({ json: [] }) : route.fallback(),
    );
    await signInByLink(page, ledger.url, `/orders/${order}`, approver);
    await page.getByRole('button', { name: 'Reject', exact: true }).waitFor();
    await page.getByLabel('Reason for rejecting').fill('Customer withdrew the change');
    // Another approver approves it first: an approver may not reject an Approved order.
    await ledger.call(ledger.token('approver', 'RS-Vertical'), 'POST', `/api/orders/${order}/approve`, {});
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Reject refused: /);
    await screenshot(page, 'story-5-refused');
    // Released, the next poll of the live refresh brings the order's new status without a reload.
    holdLiveRefresh = false;
    await page.locator('h1 .badge', { hasText: 'Approved' }).waitFor({ timeout: 15_000 });
  });

  it('logged no console error in any tab but the refused press', () => {
    // Chromium logs every refused request; the one refusal the story provoked is the only one allowed.
    const refusal = /Failed to load resource: the server responded with a status of 40[39]/;
    expect(refusalTab.errors.filter((e) => refusal.test(e))).toHaveLength(1);
    expect([
      ...adminTab.errors,
      ...approverTab.errors,
      ...refusalTab.errors.filter((e) => !refusal.test(e)),
    ]).toEqual([]);
  });
});
