import { createHash } from 'node:crypto';
import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { RateLimits } from '../config/app-config.js';
import { problem, ProblemError } from './problem.js';

interface HttpRequest {
  readonly headers: Record<string, string | string[] | undefined>;
}

const bearerToken = (request: HttpRequest): string | undefined => {
  const header = request.headers.authorization;
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
};

/**
 * The token's hash, read before the AuthGuard verifies it (a flood is refused before any work is
 * done). Keyed by the whole token, not its claims: a forged token spends only its own budget.
 */
const tokenTracker = (request: Record<string, unknown>): string =>
  createHash('sha256')
    .update(bearerToken(request as unknown as HttpRequest) ?? '')
    .digest('base64url');

const SCOPES: Record<string, string> = { token: 'bearer token', ip: 'client address' };

/** Two sliding windows: per bearer token (requests that carry one) and per client address (every request). */
export const rateLimitOptions = ({ perToken, perIp }: RateLimits): ThrottlerModuleOptions => ({
  throttlers: [
    {
      name: 'token',
      limit: perToken.limit,
      ttl: perToken.ttlMs,
      getTracker: tokenTracker,
      skipIf: (context) => bearerToken(context.switchToHttp().getRequest<HttpRequest>()) === undefined,
    },
    { name: 'ip', limit: perIp.limit, ttl: perIp.ttlMs },
  ],
  // One budget per caller across every route (the library's default key counts each route apart).
  generateKey: (_context, tracker, name) => `${name}:${tracker}`,
  setHeaders: false,
});

/** @nestjs/throttler's guard, answering with a 429 problem document and Retry-After. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const scope = SCOPES[detail.key.slice(0, detail.key.indexOf(':'))] ?? 'caller';
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    const detailText = `more than ${detail.limit} requests in ${detail.ttl / 1000} s from this ${scope}; retry after ${retryAfter} s`;
    throw new ProblemError(problem(429, 'too-many-requests', detailText, { retryAfter }), {
      'Retry-After': String(retryAfter),
    });
  }
}
