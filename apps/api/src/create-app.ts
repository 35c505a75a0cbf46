import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { AppModule, type AppOverrides } from './app.module.js';
import { DASHBOARD_DIR } from './config/app-config.js';
import type { LedgerSettings } from './config/config.module.js';
import { setUpOpenApi } from './http/openapi.js';
import { dashboard } from './http/dashboard.js';
import { allowCrossOrigin, securityHeaders } from './http/security-headers.js';
import { PinoNestLogger } from './logging/pino-logger.js';
import { LedgerMetrics } from './metrics/ledger-metrics.js';
import { httpMetrics } from './metrics/http-metrics.middleware.js';
import { requestLogging } from './logging/request-logging.js';

/** Builds the whole API (used by main.ts and by the tests, which boot it in-process). */
export async function createApp(
  settings: LedgerSettings,
  overrides: AppOverrides = {},
): Promise<NestExpressApplication> {
  const logger = pino({ level: settings.app.logLevel });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(settings, overrides), {
    logger: new PinoNestLogger(logger),
  });
  // First, so every answer is timed and counted, also those of the middlewares below.
  app.use(httpMetrics(app.get(LedgerMetrics)));
  app.use(requestLogging(logger));
  // Before the OpenAPI UI's routes, which Express matches in the order they were added.
  app.use(securityHeaders());
  allowCrossOrigin(app, settings.app.corsOrigins);
  // Before Nest's routes, which come last; it leaves /api and /metrics to them.
  const dashboardDir = settings.app.dashboardDir ?? DASHBOARD_DIR;
  app.use(dashboard(dashboardDir));
  if (!existsSync(join(dashboardDir, 'index.html'))) {
    logger.warn(
      `the dashboard is not built (no ${dashboardDir}/index.html): / answers 404 until \`npm run build\``,
    );
  }
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.enableShutdownHooks();
  setUpOpenApi(app);
  if (settings.app.secretSource === 'data-folder') {
    logger.warn(
      'AUTH_JWT_SECRET is not set: tokens are signed with the secret kept in the data folder (embedded store only)',
    );
  }
  return app;
}
