import { ROLES, type Role } from '@ledger/domain';

/** The authenticated caller, from the bearer token's claims. */
export type Principal = OperatorPrincipal | TenantPrincipal;

/** The carrier's staff: ledger-wide operations (root resellers, the catalog, rebuilds), no customer data. */
export interface OperatorPrincipal {
  readonly actor: string;
  readonly role: 'operator';
  readonly resellerId?: undefined;
  readonly customerId?: undefined;
}

/** Acts for one registered reseller (and its child resellers' customers). */
export interface TenantPrincipal {
  readonly actor: string;
  readonly role: Exclude<Role, 'operator'>;
  readonly resellerId: string;
  /** A customer manager's own customer. */
  readonly customerId?: string;
}

export { ROLES };
/** Every role but the carrier's operator acts for a reseller. */
export const TENANT_ROLES = ROLES.filter((role): role is TenantPrincipal['role'] => role !== 'operator');

export const isTenant = (principal: Principal): principal is TenantPrincipal => principal.role !== 'operator';

/** A principal from loose parts (the token CLI, demo data, tests): an operator has no reseller, every other role needs one. */
export const principalOf = (
  role: Role,
  actor: string,
  resellerId?: string,
  customerId?: string,
): Principal => {
  if (role === 'operator') return { actor, role };
  if (!resellerId) throw new Error(`a ${role} token needs a reseller id`);
  return customerId ? { actor, role, resellerId, customerId } : { actor, role, resellerId };
};
