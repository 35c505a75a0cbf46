import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { ProjectionsService } from '../projections/projections.service.js';
import { LedgerMetrics } from './ledger-metrics.js';

/** The fields of a GET /api/projections row these gauges read; any others are ignored. */
interface ProjectionRow {
  readonly name: string;
  readonly position: number;
  readonly lagEvents: number | null;
  readonly lagSeconds: number;
  readonly status: string;
}

interface ProjectionStatuses {
  statuses(): Promise<readonly ProjectionRow[]>;
}

/** A value of null leaves the projection out of that gauge (the store cannot tell it). */
const NUMBERS: readonly [name: string, help: string, value: (row: ProjectionRow) => number | null][] = [
  [
    'ledger_projection_position',
    'Global position of the last event in the read model',
    (row) => row.position,
  ],
  [
    'ledger_projection_lag_events',
    'Events recorded but not yet in the read model (absent where the store cannot count events: EventStoreDB)',
    (row) => row.lagEvents,
  ],
  [
    'ledger_projection_lag_seconds',
    'Age of the oldest event not yet in the read model',
    (row) => row.lagSeconds,
  ],
];

/** Every status gets a series (0 or 1), so an alert can watch `faulted` before any projection is. */
const STATUSES = ['live', 'rebuilding', 'faulted'];

/**
 * Per projection: position, lag and status, read at each scrape from the same rows
 * GET /api/projections serves, so the values are never older than the scrape.
 */
@Injectable()
export class ProjectionMetrics {
  private readonly logger = new Logger(ProjectionMetrics.name);
  private reading: Promise<readonly ProjectionRow[]> | undefined;

  constructor(
    private readonly metrics: LedgerMetrics,
    @Inject(ProjectionsService) private readonly projections: ProjectionStatuses,
  ) {
    for (const [name, help, value] of NUMBERS)
      this.gauge(name, help, ['projection'], (gauge, row) => {
        const number = value(row);
        if (number !== null) gauge.set({ projection: row.name }, number);
      });
    this.gauge(
      'ledger_projection_status',
      "1 for the projection's current status (live, rebuilding, faulted), 0 for the others",
      ['projection', 'status'],
      (gauge, row) => {
        for (const status of new Set([...STATUSES, row.status]))
          gauge.set({ projection: row.name, status }, row.status === status ? 1 : 0);
      },
    );
  }

  /** A gauge refilled from the projections' rows at each scrape, so a dropped projection leaves no stale series. */
  private gauge(
    name: string,
    help: string,
    labelNames: string[],
    fill: (gauge: Gauge, row: ProjectionRow) => void,
  ) {
    const gauge: Gauge = new Gauge({
      name,
      help,
      labelNames,
      registers: [this.metrics.registry],
      collect: async () => {
        const rows = await this.rows();
        gauge.reset();
        for (const row of rows) fill(gauge, row);
      },
    });
  }

  /**
   * The gauges collect concurrently at each scrape: one read of the checkpoints serves them all.
   * A failed read leaves the projection series out of this scrape rather than failing it whole.
   */
  private rows(): Promise<readonly ProjectionRow[]> {
    this.reading ??= this.projections
      .statuses()
      .catch((error: unknown) => {
        this.logger.error(
          `projection statuses for /metrics: ${error instanceof Error ? error.message : String(error)}`,
        );
        return [];
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }
}
