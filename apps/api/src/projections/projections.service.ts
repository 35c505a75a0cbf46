import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { notFound, problem, ProblemError } from '../http/problem.js';
import type { Database } from '../store/open-database.js';
import { DATABASE, EVENT_STORE, SQL_POOL } from '../store/store.tokens.js';
import { LedgerMetrics } from '../metrics/ledger-metrics.js';
import { CheckpointWakeup } from './checkpoint-wakeup.js';
import { ProjectionLeases } from './projection-leases.js';
import { ensureCheckpoints } from './checkpoints.js';
import { projectionStatuses, type ProjectionStatus } from './projection-status.js';
import { projectionNamed, PROJECTIONS } from './projections.js';
import { Projector } from './projector.js';
import { PROJECTOR_CONFIG, READ_MODELS_MIGRATED } from './projections.tokens.js';
import type { ProjectorConfig } from './projector-config.js';
import { claimRebuild, RebuildInProgress, runRebuild } from './rebuild.js';

/** Starts and stops the in-process projector with the API, and runs the rebuilds asked for over HTTP. */
@Injectable()
export class ProjectionsService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Projections');
  private readonly projector: Projector;
  private readonly stopping = new AbortController();
  private readonly rebuilds = new Set<Promise<void>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_POOL) private readonly pool: Pool,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(DATABASE) database: Database,
    checkpoints: CheckpointWakeup,
    metrics: LedgerMetrics,
    // The read models' tables exist before anything here touches them.
    @Inject(READ_MODELS_MIGRATED) _migrated: boolean,
  ) {
    // On a real PostgreSQL every API replica and projector process may run a projector: the leases
    // let one apply each projection. The embedded engine is one process with one connection.
    const leases = database.embedded ? undefined : new ProjectionLeases(database.url);
    const onApplied = (projection: string, events: number) => {
      checkpoints.wake();
      metrics.projected(projection, events);
    };
    this.projector = new Projector(store, pool, this.logger, { leases, onApplied, lingerMs: config.lingerMs });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureCheckpoints(this.pool, PROJECTIONS);
    if (this.config.mode === 'in-process') await this.projector.start();
    else this.logger.log('the projector runs as its own process (PROJECTOR=external)');
  }

  // Before the store module closes the pool the projector and the rebuilds use.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.projector.stop();
    await Promise.allSettled(this.rebuilds);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.beforeApplicationShutdown();
  }

  statuses(): Promise<ProjectionStatus[]> {
    return projectionStatuses(this.store, this.pool);
  }

  /** Starts a rebuild in the background; its progress shows in statuses() and in the log. */
  async rebuild(name: string): Promise<void> {
    const projection = projectionNamed(name);
    if (!projection) throw notFound('projection', name);
    const target = await claimRebuild(this.store, this.pool, projection).catch((error: unknown) => {
      throw error instanceof RebuildInProgress
        ? new ProblemError(problem(409, 'rebuild-in-progress', error.message))
        : error;
    });
    const started = runRebuild(this.store, this.pool, projection, this.logger, {
      target,
      signal: this.stopping.signal,
    });
    const running = started
      .catch((error: unknown) =>
        this.logger.error(
          `rebuild of ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => this.rebuilds.delete(running));
    this.rebuilds.add(running);
  }
}
