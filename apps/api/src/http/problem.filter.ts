import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@ledger/domain';
import { ConcurrencyConflictError } from '@ledger/event-store';
import { isTransient } from '../store/transient-error.js';
import { DOMAIN_ERROR_STATUS } from './domain-error-status.js';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDocument, ProblemError } from './problem.js';

const HTTP_RULES: Partial<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

export interface RenderedProblem {
  readonly body: ProblemDocument;
  readonly headers: Record<string, string>;
}

/** Maps anything thrown to a problem document; only a bug becomes a 500. */
export function toProblem(error: unknown): RenderedProblem {
  if (error instanceof ProblemError) return { body: error.problem, headers: error.headers };
  if (error instanceof DomainError) {
    return {
      body: problem(DOMAIN_ERROR_STATUS[(error as DomainError).type], error.type, error.message, {
        context: error.context,
      }),
      headers: {},
    };
  }
  if (error instanceof ConcurrencyConflictError) {
    return { body: problem(409, 'concurrency-conflict', `${error.message}; retry the request`), headers: {} };
  }
  if (isTransient(error)) {
    // The database went away (or is overloaded). Whether a command got recorded before it did is
    // unknown, so the answer is a retry with the same Idempotency-Key. Never the driver's words.
    const detail = 'the database is unreachable or overloaded; retry shortly (with the same Idempotency-Key a command is recorded at most once)';
    return { body: problem(503, 'database-unavailable', detail), headers: { 'Retry-After': '2' } };
  }
  const status = clientErrorStatus(error);
  if (status !== undefined) {
    const rule = isBodyParseError(error) ? 'malformed-json' : (HTTP_RULES[status] ?? 'bad-request');
    return {
      body: problem(status, rule, error instanceof Error ? error.message : 'bad request'),
      headers: {},
    };
  }
  return {
    body: problem(500, 'internal-error', 'an unexpected error occurred; it has been logged'),
    headers: {},
  };
}

/** Nest's HttpExceptions and the body parser's errors (which carry `status`) below 500. */
const clientErrorStatus = (error: unknown): number | undefined => {
  const status =
    error instanceof HttpException ? error.getStatus() : (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
};

const isBodyParseError = (error: unknown): boolean =>
  (error as { type?: unknown } | null)?.type === 'entity.parse.failed' ||
  (error instanceof HttpException && error.cause instanceof SyntaxError);

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { body, headers } = toProblem(error);
    if (body.status >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
