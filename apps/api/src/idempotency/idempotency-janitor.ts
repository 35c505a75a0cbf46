import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyStore } from './idempotency.store.js';

const EVERY_HOUR = 60 * 60 * 1000;

/** Forgets idempotency keys past their retention, at start and hourly. */
@Injectable()
export class IdempotencyJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyJanitor');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), EVERY_HOUR).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async purge(): Promise<void> {
    try {
      const purged = await this.store.purgeExpired();
      if (purged > 0) this.logger.log(`forgot ${purged} expired idempotency keys`);
    } catch (error) {
      this.logger.warn(
        `could not purge idempotency keys: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
