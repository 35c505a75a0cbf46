import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@ledger/domain';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { problem, ProblemError } from '../http/problem.js';
import { ResellerDirectory } from '../scope/reseller-directory.js';
import { type AuthenticatedRequest, LEDGER_WIDE_KEY, PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { verifyToken } from './jwt.js';
import { isTenant, ROLES, type Principal, TENANT_ROLES } from './principal.js';

const unauthorized = (detail: string) =>
  new ProblemError(problem(401, 'unauthorized', detail), { 'WWW-Authenticate': 'Bearer' });

/** Who may call a route: a valid token (401), an allowed role (403), a registered reseller (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly resellers: ResellerDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request.headers.authorization);
    request.principal = principal;
    const ledgerWide = this.reflector.getAllAndOverride<boolean>(LEDGER_WIDE_KEY, targets) ?? false;
    const roles =
      this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets) ??
      (ledgerWide ? ROLES : TENANT_ROLES);
    if (!roles.includes(principal.role)) {
      throw new ProblemError(
        problem(403, 'forbidden', `role ${principal.role} may not do this; allowed: ${roles.join(', ')}`),
      );
    }
    // Checked before anything reads or writes a customer, so a token of a reseller nobody registered
    // (or one an attacker made up) can neither see nor create anything.
    if (!ledgerWide && isTenant(principal) && !(await this.resellers.exists(principal.resellerId))) {
      throw new ProblemError(
        problem(
          403,
          'reseller-not-registered',
          `reseller ${principal.resellerId} of this token is not registered in the ledger`,
        ),
      );
    }
    return true;
  }

  private async authenticate(header: string | string[] | undefined): Promise<Principal> {
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw unauthorized('an Authorization: Bearer <JWT> header is required');
    const principal = await verifyToken(match[1], this.config.jwtSecret);
    if (!principal) throw unauthorized('the bearer token is invalid or expired');
    return principal;
  }
}
