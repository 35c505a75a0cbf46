import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import { nestingDepth } from '../http/json-depth.js';
import { problem, PROBLEM_CONTENT_TYPE, ProblemError, validationProblem } from '../http/problem.js';
import { toProblem } from '../http/problem.filter.js';
import type { KeyedRequest } from '../shared/request-context.js';
import { IdempotentAttempt } from './idempotent-attempt.js';
import { bodyHash, type IdempotencyScope, IdempotencyStore } from './idempotency.store.js';

const UPLOAD_ROUTE = 'ledger:upload-route';

/** Marks a multipart upload route, whose Idempotency-Key the route's UploadIdempotencyInterceptor handles. */
export const IdempotentUpload = () => SetMetadata(UPLOAD_ROUTE, true);

/** Far deeper than any request of the API (an order item sits at depth 3). */
const MAX_BODY_DEPTH = 32;

/**
 * `Idempotency-Key` on any POST: the same key and body again replays the first status and body byte
 * for byte (errors included) and records nothing; the same key with another body is a 422. A retry
 * after the first attempt died (or answered 5xx) runs the command again with the same event ids and
 * finds what the first attempt appended (see IdempotentAttempt), so nothing is recorded twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // An upload's body is parsed by its route's own interceptor, after this global one: the route
    // keys it once the upload is read (UploadIdempotencyInterceptor).
    if (this.reflector.get<boolean | undefined>(UPLOAD_ROUTE, context.getHandler())) return next.handle();
    return this.keyed(context, next, (request) => request.body);
  }

  /** Claims the key for the request whose body `bodyOf` gives, or replays the first answer. */
  protected keyed(
    context: ExecutionContext,
    next: CallHandler,
    bodyOf: (request: Request) => unknown,
  ): Observable<unknown> {
    const request = context
      .switchToHttp()
      .getRequest<Request & AuthenticatedRequest & { idempotent?: KeyedRequest }>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return next.handle();
    const body = bodyOf(request);
    if (key.length === 0 || key.length > 200) {
      throw validationProblem([
        { field: 'Idempotency-Key', rule: 'length', message: 'must be 1 to 200 characters' },
      ]);
    }
    // The body is hashed to recognise a retry; nesting this deep is no request of this API.
    if (nestingDepth(body) > MAX_BODY_DEPTH) {
      throw validationProblem([
        { field: 'body', rule: 'max-depth', message: `must not nest deeper than ${MAX_BODY_DEPTH} levels` },
      ]);
    }
    const scope: IdempotencyScope = {
      resellerId: request.principal.resellerId ?? '',
      actor: request.principal.actor,
      method: request.method,
      path: request.path,
      key,
    };
    const response = context.switchToHttp().getResponse<Response>();
    const successStatus =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.store.claim(scope, bodyHash(body))).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            response.status(claim.response.status).setHeader('Idempotent-Replayed', 'true');
            if (claim.response.status >= 400) response.type(PROBLEM_CONTENT_TYPE);
            // Stored as the JSON text first sent; parsing and serialising it again gives the same bytes.
            return of(JSON.parse(claim.response.body) as unknown);
          case 'different-body':
            throw new ProblemError(
              problem(
                422,
                'idempotency-key-reused',
                `Idempotency-Key ${key} was already used with a different body`,
              ),
            );
          case 'in-progress':
            throw new ProblemError(
              problem(
                409,
                'idempotency-key-in-progress',
                `a request with Idempotency-Key ${key} is still running`,
              ),
              {
                'Retry-After': '1',
              },
            );
          case 'claimed':
            request.idempotent = new IdempotentAttempt(this.store, scope, claim.intents);
            return next.handle().pipe(
              mergeMap(async (body: unknown) => {
                await this.store.complete(scope, { status: successStatus, body: JSON.stringify(body) });
                return body;
              }),
              catchError(async (error: unknown) => {
                const { body } = toProblem(error);
                // A server fault gave the client nothing to rely on: a retry may run at once, and
                // finds the events if this attempt appended them before failing.
                if (body.status >= 500) await this.store.abandon(scope);
                else await this.store.complete(scope, { status: body.status, body: JSON.stringify(body) });
                throw error;
              }),
            );
        }
      }),
    );
  }
}
