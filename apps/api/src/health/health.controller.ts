import { Controller, Get, Inject, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventStore } from '@ledger/event-store';
import { Public } from '../auth/auth.decorators.js';
import { EVENT_STORE } from '../store/store.tokens.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Liveness and event-store reachability (no token needed)',
  })
  async check(@Res({ passthrough: true }) response: Response) {
    try {
      return await this.health.check([() => this.eventStore()]);
    } catch (error) {
      // Terminus reports "down" as a 503 exception carrying the report; answer the report itself.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse();
    }
  }

  /** Anyone may call this: the driver's message (host names, user names, versions) stays in the log. */
  private async eventStore() {
    const check = this.indicator.check('eventStore');
    try {
      return check.up({ position: await this.store.headPosition() });
    } catch (error) {
      this.logger.error(
        `event store unreachable: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return check.down();
    }
  }
}
