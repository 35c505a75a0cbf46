import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@ledger/domain';
import type { Principal } from './principal.js';

export const PUBLIC_KEY = 'ledger:public';
export const ROLES_KEY = 'ledger:roles';

/** No token needed (health, metrics, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the route; without it every authenticated role may (reads within scope). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
