import type { Role } from '@ledger/domain';
import { signToken } from '../auth/jwt.js';
import { principalOf } from '../auth/principal.js';

/** What `npm start` puts into an empty ledger, through the public API, so every view has something to show. */
export const DEMO_PACKAGES = [
  { name: 'Basic User With VM', itemGroup: 'User License', monthlyPrice: 20 },
  { name: 'Premium iPECS ONE USER', itemGroup: 'User License', monthlyPrice: 30 },
  { name: 'Premium PLUS iPECS ONE USER', itemGroup: 'User License', monthlyPrice: 40 },
  { name: 'Stand Alone VM', itemGroup: 'User License', monthlyPrice: 5 },
];

/** Who the demo's sign-in picker offers (GET /api/demo/tokens): the people the demo data speaks for. */
export const DEMO_USERS: readonly { readonly role: Role; readonly resellerId?: string; readonly customerId?: string }[] = [
  { role: 'reseller-admin', resellerId: 'RS-Vertical' },
  { role: 'approver', resellerId: 'RS-Vertical' },
  { role: 'customer-manager', resellerId: 'RS-Vertical', customerId: 'C000000150' },
  { role: 'auditor', resellerId: 'RS-Vertical' },
  { role: 'billing-analyst', resellerId: 'RS-Vertical' },
  { role: 'reseller-admin', resellerId: 'RS-Vertical-East' },
  { role: 'operator' },
];

/** The token of a demo user, named as the demo data records it. */
export const demoToken = (secret: string, role: Role, resellerId?: string, customerId?: string): Promise<string> =>
  signToken(principalOf(role, `demo-${role}`, resellerId, customerId), secret);

const customer = (customerId: string, name: string, resellerId: string, min: number, max: number) => ({
  customerId,
  name,
  resellerId,
  servicePlan: 'Standard Plan',
  billingAccount: name,
  sites: [{ name, extensionMin: min, extensionMax: max }],
});

const item = (pkg: string, quantity: number, billingAccount: string, trialDays = 0) => ({
  itemGroup: 'User License',
  package: pkg,
  quantity,
  trialDays,
  billingAccount,
});

type Send = (method: string, path: string, body?: unknown) => Promise<{ orderNo?: string }>;

async function caller(
  baseUrl: string,
  secret: string,
  role: Role,
  resellerId?: string,
  customerId?: string,
): Promise<Send> {
  const token = await demoToken(secret, role, resellerId, customerId);
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as { orderNo?: string };
    if (!response.ok)
      throw new Error(`demo data: ${method} ${path} answered ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Seeds the demo ledger unless it already has a catalog; returns whether it did. */
export async function seedDemoData(baseUrl: string, secret: string): Promise<boolean> {
  const operator = await caller(baseUrl, secret, 'operator');
  const catalog = (await operator('GET', '/api/packages')) as { items?: unknown[] };
  if ((catalog.items ?? []).length > 0) return false;
  // The carrier onboards the root reseller and keeps the price list; the reseller does the rest.
  await operator('POST', '/api/resellers', { resellerId: 'RS-Vertical', name: 'Vertical Communications' });
  for (const pkg of DEMO_PACKAGES) await operator('POST', '/api/packages', pkg);
  const admin = await caller(baseUrl, secret, 'reseller-admin', 'RS-Vertical');
  const approver = await caller(baseUrl, secret, 'approver', 'RS-Vertical');
  const order = async (
    customerId: string,
    billing: string,
    items: ReturnType<typeof item>[],
    upTo: 'Temporary' | 'Submitted' | 'Approved' | 'FinalConfirmed',
  ) => {
    const { orderNo } = await admin('POST', '/api/orders', {
      customerId,
      title: `${billing} Change Order`,
      type: 'Change',
      changeDate: '2026-11-01',
      items,
    });
    if (upTo === 'Temporary') return;
    await admin('POST', `/api/orders/${orderNo}/submit`, {});
    if (upTo === 'Submitted') return;
    await approver('POST', `/api/orders/${orderNo}/approve`, {});
    if (upTo === 'Approved') return;
    await admin('POST', `/api/orders/${orderNo}/final-confirm`, {});
  };

  await admin('POST', '/api/resellers', { resellerId: 'RS-Vertical-East', name: 'Vertical East' });

  // The seed's story: 297 moves from Basic to Premium, and the Basic license is returned.
  const vertical = customer('C000000150', 'Vertical Demo', 'RS-Vertical', 100, 299);
  await admin('POST', '/api/customers', vertical);
  await order(
    'C000000150',
    'Vertical Demo',
    [item('Basic User With VM', 7, 'Vertical Demo'), item('Stand Alone VM', 2, 'Vertical Demo')],
    'FinalConfirmed',
  );
  const manager = await caller(baseUrl, secret, 'customer-manager', 'RS-Vertical', 'C000000150');
  const users = [297, 201, 202, 203, 204, 205].map((extension, index) => ({
    extension,
    name: extension === 297 ? '9240 Demo' : `Vertical User ${index}`,
    site: 'Vertical Demo',
    portalId: `${extension}@cm-vertical-demo.com`,
    email: extension === 297 ? 'jstucker@vertical.com' : `user${extension}@vertical.com`,
    package: 'Basic User With VM',
  }));
  for (const user of users) await manager('POST', '/api/customers/C000000150/users', user);
  await order(
    'C000000150',
    'Vertical Demo',
    [item('Premium iPECS ONE USER', 1, 'Vertical Demo')],
    'FinalConfirmed',
  );
  await manager('POST', '/api/customers/C000000150/users/297/package', { package: 'Premium iPECS ONE USER' });
  await order('C000000150', 'Vertical Demo', [item('Basic User With VM', -1, 'Vertical Demo')], 'Approved');

  const acme = customer('C000000151', 'Acme Dental', 'RS-Vertical', 200, 249);
  await admin('POST', '/api/customers', acme);
  await order(
    'C000000151',
    'Acme Dental',
    [
      item('Premium PLUS iPECS ONE USER', 4, 'Acme Dental', 30),
      item('Basic User With VM', 10, 'Acme Dental'),
    ],
    'FinalConfirmed',
  );
  await order('C000000151', 'Acme Dental', [item('Stand Alone VM', 3, 'Acme Dental')], 'Submitted');
  await order('C000000151', 'Acme Dental', [item('Premium iPECS ONE USER', 2, 'Acme Dental')], 'Temporary');

  const east = customer('C000000200', 'East Logistics', 'RS-Vertical-East', 100, 199);
  await admin('POST', '/api/customers', east);
  await order(
    'C000000200',
    'East Logistics',
    [item('Basic User With VM', 5, 'East Logistics')],
    'FinalConfirmed',
  );
  return true;
}
