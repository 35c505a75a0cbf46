import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators.js';
import { LedgerMetrics } from './ledger-metrics.js';

/**
 * GET /metrics for Prometheus (outside /api, no token). Left out of the OpenAPI document, which
 * describes the JSON API. A scraper is never held to a bearer token's budget; the per-address
 * limit still applies, since anyone may call this and each scrape reads the checkpoints.
 */
@ApiExcludeController()
@Public()
@SkipThrottle({ token: true })
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LedgerMetrics) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
