import { registerCustomerExample } from '../customers/register-customer/register-customer.request.js';
import { DEMO_PACKAGES } from '../demo/demo-data.js';
import { addUserExample } from '../users/add-user/add-user.request.js';
import type { Caller, TestApp } from './test-app.js';

/** The seed's customer, catalog and user 297 (shared/seed: "Upgrade a User Type in iPECS Cloud"). */
export const VERTICAL_DEMO = registerCustomerExample;
export const PACKAGES = DEMO_PACKAGES;
export const USER_297 = addUserExample;

export const item = (pkg: string, quantity: number, trialDays = 0) => ({
  itemGroup: 'User License',
  package: pkg,
  quantity,
  trialDays,
  billingAccount: 'Vertical Demo',
});

export interface Actors {
  readonly admin: Caller;
  readonly approver: Caller;
  readonly manager: Caller;
}

export async function actors(
  app: TestApp,
  resellerId = 'RS-Vertical',
  customerId = VERTICAL_DEMO.customerId,
): Promise<Actors> {
  return {
    admin: await app.as('reseller-admin', resellerId),
    approver: await app.as('approver', resellerId),
    manager: await app.as('customer-manager', resellerId, { customerId }),
  };
}

const expectStatus = (what: string, response: { status: number; body: unknown }, status: number) => {
  if (response.status !== status)
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  return response;
};

/** Places an order and walks it through submit, approve and final confirm; returns the confirmed order. */
export async function confirmedOrder(
  { admin, approver }: Actors,
  customerId: string,
  items: unknown[],
  changeDate = '2023-10-24',
) {
  const placed = expectStatus(
    'place',
    await admin.post('/api/orders', {
      customerId,
      title: `${customerId} order`,
      type: 'Change',
      changeDate,
      items,
    }),
    201,
  );
  const orderNo = (placed.body as { orderNo: string }).orderNo;
  expectStatus('submit', await admin.post(`/api/orders/${orderNo}/submit`), 200);
  expectStatus('approve', await approver.post(`/api/orders/${orderNo}/approve`), 200);
  return expectStatus('final confirm', await admin.post(`/api/orders/${orderNo}/final-confirm`), 200)
    .body as { orderNo: string; items: unknown[] };
}

export interface Onboarding {
  /** Add the catalog too (once per ledger). */
  readonly catalog?: boolean;
  /** Register the reseller (false when a recorded history registered it already). */
  readonly reseller?: boolean;
}

/** The carrier's side: root reseller `resellerId` registered by the operator, and the catalog. */
export async function onboard(
  app: TestApp,
  resellerId = 'RS-Vertical',
  { catalog = true, reseller = true }: Onboarding = {},
): Promise<void> {
  const operator = await app.as('operator');
  if (reseller)
    expectStatus(
      'reseller',
      await operator.post('/api/resellers', { resellerId, name: `${resellerId} Communications` }),
      201,
    );
  if (catalog)
    for (const pkg of PACKAGES) expectStatus('package', await operator.post('/api/packages', pkg), 201);
}

/** Reseller RS-Vertical and the catalog, customer C000000150 with `basic` Basic licenses, and user 297 on one of them. */
export async function seedVerticalDemo(
  app: TestApp,
  basic = 1,
  onboarding: Onboarding = {},
): Promise<Actors> {
  await onboard(app, 'RS-Vertical', onboarding);
  const who = await actors(app);
  expectStatus('customer', await who.admin.post('/api/customers', VERTICAL_DEMO), 201);
  await confirmedOrder(who, VERTICAL_DEMO.customerId, [item('Basic User With VM', basic)], '2023-10-01');
  expectStatus(
    'user 297',
    await who.manager.post(`/api/customers/${VERTICAL_DEMO.customerId}/users`, USER_297),
    201,
  );
  return who;
}
