import { Global, Module } from '@nestjs/common';
import { CommandMetrics } from '../shared/command-metrics.js';
import { LedgerMetrics } from './ledger-metrics.js';
import { MetricsController } from './metrics.controller.js';

/**
 * GET /metrics and the metrics every part of the API records (createApp installs `httpMetrics`).
 * Global, so the projections module can inject LedgerMetrics (for `projected`) without importing
 * this one; ProjectionMetrics, which reads ProjectionsService, is provided beside ProjectionsModule.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [LedgerMetrics, { provide: CommandMetrics, useExisting: LedgerMetrics }],
  exports: [LedgerMetrics, CommandMetrics],
})
export class MetricsModule {}
