import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@ledger/domain';
import { DECORATORS } from '@nestjs/swagger';
import type { Principal } from './principal.js';

export const PUBLIC_KEY = 'ledger:public';
export const ROLES_KEY = 'ledger:roles';
export const LEDGER_WIDE_KEY = 'ledger:ledger-wide';

const noToken = (method: object): void => {
  const operation: object | undefined = Reflect.getMetadata(DECORATORS.API_OPERATION, method);
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, method);
};

/**
 * Routes that need no token: their operations say `security: []`. Merged into each operation's own
 * metadata, so it keeps the summary and id whichever of the two decorators runs first.
 */
const ApiNoToken =
  () =>
  (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) return noToken(descriptor.value as object);
    const methods = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(methods))
      if (name !== 'constructor' && typeof methods[name] === 'function') noToken(methods[name]);
  };

/** No token needed (health, metrics, API docs, the demo's tokens); the OpenAPI document says so too. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiNoToken());

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
