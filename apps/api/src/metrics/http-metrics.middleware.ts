import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { LedgerMetrics } from './ledger-metrics.js';

/**
 * The label of every request no route of the API handled: a 404, the OpenAPI UI's files (served
 * outside Nest's router), or a body the JSON parser refused before routing.
 */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The matched route's template, never the raw path: ids in a label would make one series per order.
 * Read once the answer is sent, since Express sets `req.route` only when it reaches a route. The
 * API has no wildcard routes; Nest's 404 handler under the prefix is one (`/api*path`).
 */
const routeOf = (request: Request): string => {
  const path: unknown = request.route?.path;
  return typeof path === 'string' && !path.includes('*') ? `${request.baseUrl}${path}` : UNMATCHED_ROUTE;
};

/**
 * Times every request to its last byte. An Express middleware installed before all others, rather
 * than an interceptor or a Nest middleware: it also sees the answers of guards (401, 403, 429),
 * pipes (400), the exception filter and the body parser, which run before those or around them.
 */
export const httpMetrics =
  (metrics: LedgerMetrics): RequestHandler =>
  (request: Request, response: Response, next: NextFunction) => {
    const done = metrics.httpRequest();
    response.on('finish', () =>
      done({ method: request.method, route: routeOf(request), status_code: response.statusCode }),
    );
    next();
  };
