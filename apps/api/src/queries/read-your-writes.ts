import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { problem, ProblemError, validationProblem } from '../http/problem.js';
import { lowestPosition } from '../projections/checkpoints.js';
import { EVENT_STORE, SQL_POOL } from '../store/store.tokens.js';

const WAIT_MS = 5000;
const POLL_MS = 20;

/** `?minPosition=`: a read waits (up to 5 s) until its read models have projected that position. */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Without `minPosition`, waits for everything recorded before the request: a read as fresh as the event store. */
  async waitForHead(minPosition: number | undefined, projections: readonly string[]): Promise<void> {
    await this.waitFor(minPosition ?? (await this.store.headPosition()), projections);
  }

  async waitFor(minPosition: number | undefined, projections: readonly string[]): Promise<void> {
    if (minPosition === undefined || minPosition <= 0) return;
    const deadline = Date.now() + WAIT_MS;
    for (let first = true; ; first = false) {
      const position = await lowestPosition(this.pool, projections);
      if (position >= minPosition) return;
      if (first) await this.assertRecorded(minPosition);
      if (Date.now() >= deadline) {
        const detail = `the read models are at position ${position}, not yet at ${minPosition}; retry shortly`;
        throw new ProblemError(problem(503, 'read-model-behind', detail, { position, minPosition }), {
          'Retry-After': '1',
        });
      }
      await sleep(POLL_MS);
    }
  }

  /** A position past the store's head is a client's mistake (API.md: 400), not a read model behind. */
  private async assertRecorded(minPosition: number): Promise<void> {
    const head = await this.store.headPosition();
    if (minPosition > head) {
      throw validationProblem([
        { field: 'minPosition', rule: 'max', message: `is past the last recorded position, ${head}` },
      ]);
    }
  }
}
