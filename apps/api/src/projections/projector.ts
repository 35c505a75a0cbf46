import { setTimeout as sleep } from 'node:timers/promises';
import { inTransaction, type EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { inBatches } from './batches.js';
import { ensureCheckpoints, readCheckpoints } from './checkpoints.js';
import { describeProgress, progressOf } from './progress.js';
import { CheckpointMoved, projectBatch } from './project-batch.js';
import { toProjectedEvent, type Projection } from './projection.js';
import { releaseStaleRebuilds } from './rebuild.js';
import { PROJECTIONS } from './projections.js';

export interface ProjectorLog {
  log(message: string): void;
  error(message: string): void;
}

export interface ProjectorOptions {
  readonly batchSize?: number;
  /** How long a batch waits for more events before it is written (see inBatches). */
  readonly lingerMs?: number;
  readonly projections?: readonly Projection[];
  /** How often a catch-up reports its progress. */
  readonly progressEveryMs?: number;
}

const RETRY_AFTER_ERROR_MS = 1000;

/**
 * Follows the event store from the lowest checkpoint and keeps every live read model up to date:
 * each batch of events, and the checkpoints, in one transaction. A crash loses the open
 * transaction only, so the next start resumes exactly after the last committed batch.
 */
export class Projector {
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;
  private readonly batchSize: number;
  private readonly projections: readonly Projection[];

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly logger: ProjectorLog,
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.projections = options.projections ?? PROJECTIONS;
  }

  async start(): Promise<void> {
    await ensureCheckpoints(this.pool, this.projections);
    const released = await releaseStaleRebuilds(this.pool, this.projections);
    if (released.length > 0) this.logger.log(`projector: released the abandoned rebuilds of ${released.join(', ')}`);
    this.running ??= this.run(this.stopping.signal);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.follow(signal);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof CheckpointMoved) continue;
        this.logger.error(`projector: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}; retrying`);
        await sleep(RETRY_AFTER_ERROR_MS, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const names = this.projections.map((p) => p.name);
    const expected = new Map((await readCheckpoints(this.pool, names)).map((row) => [row.name, row.position]));
    const from = Math.min(...expected.values());
    const head = await this.store.headPosition();
    const started = Date.now();
    let reported = started;
    // Ends this subscription (and its pending read) when this follow ends, whichever way.
    const done = new AbortController();
    try {
      const events = this.store.subscribeToAll({ after: from, signal: AbortSignal.any([signal, done.signal]) });
      for await (const recorded of inBatches(events, this.batchSize, this.options.lingerMs ?? 10)) {
        const batch = recorded.map(toProjectedEvent);
        await inTransaction(this.pool, (sql) => projectBatch(sql, this.projections, batch, expected));
        const last = batch.at(-1)?.position ?? from;
        for (const name of names) expected.set(name, Math.max(expected.get(name) ?? 0, last));
        if (last < head && Date.now() - reported >= (this.options.progressEveryMs ?? 5000)) {
          reported = Date.now();
          this.logger.log(describeProgress('projector catching up', progressOf(last - from, head - from, reported - started)));
        }
      }
    } finally {
      done.abort();
    }
  }
}
