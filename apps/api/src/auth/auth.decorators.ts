import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@ledger/domain';
import type { Principal } from './principal.js';

export const PUBLIC_KEY = 'ledger:public';
export const ROLES_KEY = 'ledger:roles';
export const LEDGER_WIDE_KEY = 'ledger:ledger-wide';

/** No token needed (health, metrics, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Only these roles may call the route. Without it every tenant role may (reads within its scope),
 * but not the operator, who reads no customer data.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A route about the ledger as a whole (the catalog, projections), not about a reseller's customers:
 * every role may call it unless `@Roles` says otherwise, and the token's reseller need not be registered.
 */
export const LedgerWide = () => SetMetadata(LEDGER_WIDE_KEY, true);

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
