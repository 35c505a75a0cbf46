import { setTimeout as sleep } from 'node:timers/promises';
import { inTransaction, type EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { inBatches } from './batches.js';
import { clearFaults, ensureCheckpoints, markFaulted, readCheckpoints } from './checkpoints.js';
import { describeProgress, progressOf } from './progress.js';
import { CheckpointMoved, projectBatch } from './project-batch.js';
import { firstUnreadable, type ProjectedEvent, type Projection, toProjectedEvent } from './projection.js';
import { releaseStaleRebuilds } from './rebuild.js';
import type { ProjectionLeases } from './projection-leases.js';
import { PROJECTIONS } from './projections.js';
import { isTransient } from '../store/transient-error.js';

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
  /** How often it looks for faults cleared (by a rebuild, or anyone) and for leases free to take. */
  readonly watchEveryMs?: number;
  /** One active projector per projection across processes (real PostgreSQL); without it, it applies them all. */
  readonly leases?: ProjectionLeases;
  /** Told after each committed batch how many events a projection applied (for metrics). */
  readonly onApplied?: (projection: string, events: number) => void;
}

const RETRY_AFTER_ERROR_MS = 1000;

type Outcome = { readonly position: number } | { readonly fault: { readonly position: number; readonly reason: string } };

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Follows the event store and keeps every live read model up to date. The events are read once and
 * each projection applies them on its own: its own transaction and checkpoint per batch, side by side
 * on the pool's connections. A crash loses the open transactions only, so each projection resumes
 * exactly after its last committed batch. A projection that meets an event it cannot apply is
 * narrowed down to that event and stops there, `faulted`, while the others go on.
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
    const names = this.projections.map((p) => p.name);
    await ensureCheckpoints(this.pool, this.projections);
    const released = await releaseStaleRebuilds(this.pool, this.projections);
    if (released.length > 0) this.logger.log(`projector: released the abandoned rebuilds of ${released.join(', ')}`);
    const retried = await clearFaults(this.pool, names);
    if (retried.length > 0) this.logger.log(`projector: trying the faulted ${retried.join(', ')} again`);
    await this.options.leases?.acquire(names).catch((error: unknown) => this.logger.error(`projector: no leases yet: ${reasonOf(error)}`));
    this.running ??= this.run(this.stopping.signal);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    await this.options.leases?.close();
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

  /** Reads from the lowest checkpoint of the running projections until a faulted one may resume (or an error). */
  private async follow(signal: AbortSignal): Promise<void> {
    const rows = await readCheckpoints(this.pool, this.projections.map((p) => p.name));
    const leases = this.options.leases;
    const mine = (name: string) => leases === undefined || leases.holds(name);
    const running = new Map(rows.filter((row) => row.status !== 'faulted' && mine(row.name)).map((row) => [row.name, row.position]));
    // Ends this subscription (and its pending read) when this follow ends, or when the set of
    // projections to run changes: a fault cleared, a lease taken or lost.
    const done = new AbortController();
    const watch = setInterval(() => void this.watch(running, done), this.options.watchEveryMs ?? 2000);
    try {
      if (running.size === 0) return await new Promise<void>((resolve) => AbortSignal.any([signal, done.signal]).addEventListener('abort', () => resolve()));
      const from = Math.min(...running.values());
      const head = await this.store.headPosition();
      const started = Date.now();
      let reported = started;
      const events = this.store.subscribeToAll({ after: from, signal: AbortSignal.any([signal, done.signal]) });
      for await (const recorded of inBatches(events, this.batchSize, this.options.lingerMs ?? 10)) {
        await this.applyToEach(running, recorded.map(toProjectedEvent));
        const last = recorded.at(-1)?.position ?? from;
        if (last < head && Date.now() - reported >= (this.options.progressEveryMs ?? 5000)) {
          reported = Date.now();
          const progress = progressOf(this.store, { from, reached: last, target: head }, reported - started);
          this.logger.log(describeProgress('projector catching up', progress));
        }
      }
    } finally {
      clearInterval(watch);
      done.abort();
    }
  }

  /** Each running projection applies the batch in its own transaction; all settle before an error is thrown. */
  private async applyToEach(running: Map<string, number>, batch: readonly ProjectedEvent[]): Promise<void> {
    const outcomes = await Promise.allSettled(
      this.projections
        .filter((projection) => running.has(projection.name))
        .map(async (projection) => {
          const outcome = await this.apply(projection, batch, running.get(projection.name) ?? 0);
          if ('fault' in outcome) {
            running.delete(projection.name);
            await markFaulted(this.pool, projection.name, outcome.fault.position, outcome.fault.reason);
            this.logger.error(`projector: ${projection.name} is faulted at position ${outcome.fault.position}: ${outcome.fault.reason}`);
          } else running.set(projection.name, outcome.position);
        }),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * Applies the batch to one projection. An event of a type it reads but cannot (an unknown schema
   * version) faults it there; a batch that fails for a reason of its own (not the database's) is
   * applied again event by event, to commit everything before the culprit and fault at the culprit.
   */
  private async apply(projection: Projection, batch: readonly ProjectedEvent[], expected: number): Promise<Outcome> {
    const unreadable = firstUnreadable(projection, batch, expected);
    const readable = unreadable ? batch.filter((e) => e.position < unreadable.position) : batch;
    let position: number;
    try {
      position = await this.commit(projection, readable, expected);
    } catch (error) {
      if (error instanceof CheckpointMoved || isTransient(error)) throw error;
      return this.narrow(projection, readable, expected);
    }
    return unreadable ? { fault: { position: unreadable.position, reason: unreadable.unreadable ?? 'unreadable' } } : { position };
  }

  private async narrow(projection: Projection, events: readonly ProjectedEvent[], expected: number): Promise<Outcome> {
    let position = expected;
    for (const event of events.filter((e) => e.position > expected)) {
      try {
        position = await this.commit(projection, [event], position);
      } catch (error) {
        if (error instanceof CheckpointMoved || isTransient(error)) throw error;
        return { fault: { position: event.position, reason: `${event.type}: ${reasonOf(error)}` } };
      }
    }
    return { position };
  }

  private async commit(projection: Projection, events: readonly ProjectedEvent[], expected: number): Promise<number> {
    const position = await inTransaction(this.pool, (sql) => projectBatch(sql, projection, events, expected));
    const applied = events.filter((e) => e.position > expected).length;
    if (applied > 0) this.options.onApplied?.(projection.name, applied);
    return position;
  }

  /**
   * Restarts the follow when a projection should join or leave: a faulted one whose row is no
   * longer faulted (a rebuild swapped in, a restart cleared it), a lease taken from a holder that
   * died, a lease lost with its connection.
   */
  private async watch(running: ReadonlyMap<string, number>, done: AbortController): Promise<void> {
    const leases = this.options.leases;
    const stopped = this.projections.map((p) => p.name).filter((name) => !running.has(name));
    if (done.signal.aborted) return;
    try {
      if (leases && [...running.keys()].some((name) => !leases.holds(name))) return done.abort();
      if (stopped.length === 0) return;
      if (leases && (await leases.acquire(stopped))) return done.abort();
      const rows = await readCheckpoints(this.pool, stopped.filter((name) => leases === undefined || leases.holds(name)));
      if (rows.some((row) => row.status !== 'faulted')) done.abort();
    } catch {
      // The next look tries again; the follow itself reports a database that is down.
    }
  }
}
