import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import type { AppendIntent, IdempotentRequest } from './decision-loop.js';

/** A request with an Idempotency-Key (see IdempotentAttempt): what the decision loop uses, and every append its earlier attempts announced. */
export interface KeyedRequest extends IdempotentRequest {
  /** Empty on a first attempt. Place order finds here the order number an earlier attempt claimed. */
  readonly earlierAppends: readonly AppendIntent[];
}

/** Who asks and within which flow: everything a command needs besides its data and the clock. */
export interface RequestContext {
  readonly principal: Principal;
  readonly correlationId: string;
  /** The request's own id: the cause of whatever the command records. */
  readonly causationId: string;
  /** Set when the request carries an Idempotency-Key (see IdempotencyInterceptor). */
  readonly idempotent?: KeyedRequest;
}

interface ContextRequest {
  principal?: Principal;
  idempotent?: KeyedRequest;
  correlationId?: string;
  id?: unknown;
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<ContextRequest>();
  if (!request.principal) throw new Error('@Ctx() needs an authenticated route');
  const causationId = String(request.id ?? '');
  const { principal, idempotent } = request;
  return {
    principal,
    correlationId: request.correlationId ?? causationId,
    causationId,
    ...(idempotent && { idempotent }),
  };
});
