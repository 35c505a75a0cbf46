import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@ledger/domain';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { problem, ProblemError } from '../http/problem.js';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { verifyToken } from './jwt.js';

const unauthorized = (detail: string) =>
  new ProblemError(problem(401, 'unauthorized', detail), { 'WWW-Authenticate': 'Bearer' });

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw unauthorized('an Authorization: Bearer <JWT> header is required');
    const principal = await verifyToken(match[1], this.config.jwtSecret);
    if (!principal) throw unauthorized('the bearer token is invalid or expired');
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new ProblemError(problem(403, 'forbidden', `role ${principal.role} may not do this; allowed: ${roles.join(', ')}`));
    }
    return true;
  }
}
