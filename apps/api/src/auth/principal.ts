import type { Role } from '@ledger/domain';

/** The authenticated caller, from the bearer token's claims. */
export interface Principal {
  readonly actor: string;
  readonly role: Role;
  readonly resellerId: string;
  readonly customerId?: string;
}

export const ROLES: readonly Role[] = ['reseller-admin', 'approver', 'customer-manager', 'auditor', 'billing-analyst'];
