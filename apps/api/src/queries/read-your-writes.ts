import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { problem, ProblemError, validationProblem } from '../http/problem.js';
import { CheckpointWakeup } from '../projections/checkpoint-wakeup.js';
import { lowestPosition } from '../projections/checkpoints.js';
import { EVENT_STORE, SQL_POOL } from '../store/store.tokens.js';

const WAIT_MS = 5000;
/** Only if a wake-up is lost (a LISTEN connection dropping): a look at the checkpoints anyway. */
const FALLBACK_LOOK_MS = 250;

/**
 * `?minPosition=`: a read waits (up to 5 s) until its read models have projected that position,
 * woken by each committed checkpoint rather than polling.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly checkpoints: CheckpointWakeup,
  ) {}

  /** Without `minPosition`, waits for everything recorded before the request: a read as fresh as the event store. */
  async waitForHead(minPosition: number | undefined, projections: readonly string[]): Promise<void> {
    await this.waitFor(minPosition ?? (await this.store.headPosition()), projections);
  }

  async waitFor(minPosition: number | undefined, projections: readonly string[]): Promise<void> {
    if (minPosition === undefined || minPosition <= 0) return;
    // A read of the event store itself (no read models) is never behind; only a position past the head is wrong.
    if (projections.length === 0) return this.assertRecorded(minPosition);
    const deadline = Date.now() + WAIT_MS;
    for (let first = true; ; first = false) {
      // Taken before the look, so a checkpoint committed between the look and the wait still wakes it.
      const seen = this.checkpoints.generation;
      const position = await lowestPosition(this.pool, projections);
      if (position >= minPosition) return;
      if (first) await this.assertRecorded(minPosition);
      if (Date.now() >= deadline) {
        const detail = `the read models are at position ${position}, not yet at ${minPosition}; retry shortly`;
        throw new ProblemError(problem(503, 'read-model-behind', detail, { position, minPosition }), {
          'Retry-After': '1',
        });
      }
      await this.checkpoints.wait(seen, Math.min(FALLBACK_LOOK_MS, deadline - Date.now()));
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
