import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Each request gets an id (its causation id); the correlation id is the caller's X-Correlation-Id
 * when it sends a sane one, so one business flow can be followed across requests and events.
 */
export const requestLogging = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const incoming = request.headers[CORRELATION_HEADER];
      const requestId = randomUUID();
      const correlationId = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : requestId;
      (request as IncomingMessage & { correlationId: string }).correlationId = correlationId;
      response.setHeader('X-Correlation-Id', correlationId);
      response.setHeader('X-Request-Id', requestId);
      return requestId;
    },
    customProps: (request) => ({ correlationId: (request as IncomingMessage & { correlationId?: string }).correlationId }),
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url, id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
