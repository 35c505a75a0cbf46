import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import { CORRELATION_HEADER } from '../logging/request-logging.js';

/**
 * helmet's defaults (CSP `script-src 'self'`, nosniff, frame-ancestors 'self', ...). The OpenAPI UI
 * works under them: its scripts are files of its own origin, and the inline styles and data: images
 * it uses are allowed by the defaults. Only upgrade-insecure-requests goes: the API is also served on
 * plain HTTP (development, docker compose), where it would send the browser to https for every script.
 */
export const securityHeaders = () =>
  helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });

/**
 * Only the listed origins get Access-Control-Allow-Origin; any other origin gets no CORS header, so
 * its pages cannot read the answers. None listed: no CORS at all (the dashboard is served on the
 * API's own origin). Tokens travel in the Authorization header, never in cookies.
 */
export function allowCrossOrigin(app: INestApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  app.enableCors({
    origin: [...origins],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', CORRELATION_HEADER],
    exposedHeaders: ['Retry-After', 'X-Correlation-Id', 'X-Request-Id'],
    maxAge: 600,
  });
}
