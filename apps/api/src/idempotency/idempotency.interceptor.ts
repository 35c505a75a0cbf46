import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import { problem, PROBLEM_CONTENT_TYPE, ProblemError } from '../http/problem.js';
import { toProblem } from '../http/problem.filter.js';
import { bodyHash, IdempotencyScope, IdempotencyStore } from './idempotency.store.js';

/**
 * `Idempotency-Key` on any POST: the same key and body again replays the first status and body
 * (errors included) and records nothing; the same key with another body is a 422.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return next.handle();
    if (key.length === 0 || key.length > 200) {
      throw new ProblemError(problem(400, 'validation-failed', 'Idempotency-Key must be 1 to 200 characters', {
        errors: [{ field: 'Idempotency-Key', rule: 'length', message: 'must be 1 to 200 characters' }],
      }));
    }
    const scope: IdempotencyScope = { actor: request.principal.actor, method: request.method, path: request.path, key };
    const response = context.switchToHttp().getResponse<Response>();
    const successStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.store.claim(scope, bodyHash(request.body))).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            response.status(claim.response.status).setHeader('Idempotent-Replayed', 'true');
            if (claim.response.status >= 400) response.type(PROBLEM_CONTENT_TYPE);
            return of(claim.response.body);
          case 'different-body':
            throw new ProblemError(
              problem(422, 'idempotency-key-reused', `Idempotency-Key ${key} was already used with a different body`),
            );
          case 'in-progress':
            throw new ProblemError(problem(409, 'idempotency-key-in-progress', `a request with Idempotency-Key ${key} is still running`), {
              'Retry-After': '1',
            });
          case 'claimed':
            return next.handle().pipe(
              mergeMap(async (body) => {
                await this.store.complete(scope, { status: successStatus, body });
                return body;
              }),
              catchError(async (error: unknown) => {
                const { body } = toProblem(error);
                // A server fault decided nothing the client could rely on: leave the key free for a retry.
                if (body.status >= 500) await this.store.release(scope);
                else await this.store.complete(scope, { status: body.status, body });
                throw error;
              }),
            );
        }
      }),
    );
  }
}
