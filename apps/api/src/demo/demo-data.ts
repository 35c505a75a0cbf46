import type { Role } from '@ledger/domain';
import { signToken } from '../auth/jwt.js';
import { principalOf } from '../auth/principal.js';

/** The seed's packages (the tests' catalog too). */
export const DEMO_PACKAGES = [
  { name: 'Basic User With VM', itemGroup: 'User License', monthlyPrice: 20 },
  { name: 'Premium iPECS ONE USER', itemGroup: 'User License', monthlyPrice: 30 },
  { name: 'Premium PLUS iPECS ONE USER', itemGroup: 'User License', monthlyPrice: 40 },
  { name: 'Stand Alone VM', itemGroup: 'User License', monthlyPrice: 5 },
];

/** The demo's price list: the seed's packages and two more a reseller sells. */
export const DEMO_CATALOG = [
  ...DEMO_PACKAGES,
  { name: 'Basic User', itemGroup: 'User License', monthlyPrice: 15 },
  { name: 'Hot Desk User', itemGroup: 'User License', monthlyPrice: 12.5 },
];

/** Who the demo's sign-in picker offers (GET /api/demo/tokens): the people the demo data speaks for. */
export const DEMO_USERS: readonly {
  readonly role: Role;
  readonly resellerId?: string;
  readonly customerId?: string;
}[] = [
  { role: 'reseller-admin', resellerId: 'RS-Vertical' },
  { role: 'approver', resellerId: 'RS-Vertical' },
  { role: 'customer-manager', resellerId: 'RS-Vertical', customerId: 'C000000150' },
  { role: 'auditor', resellerId: 'RS-Vertical' },
  { role: 'billing-analyst', resellerId: 'RS-Vertical' },
  { role: 'reseller-admin', resellerId: 'RS-Vertical-East' },
  { role: 'operator' },
];

/** The token of a demo user, named as the demo data records it. */
export const demoToken = (
  secret: string,
  role: Role,
  resellerId?: string,
  customerId?: string,
): Promise<string> => signToken(principalOf(role, `demo-${role}`, resellerId, customerId), secret);
