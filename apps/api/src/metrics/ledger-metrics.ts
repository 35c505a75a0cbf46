import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, exponentialBuckets, Histogram, Registry } from 'prom-client';
import { CommandMetrics, type CommandOutcome } from '../shared/command-metrics.js';

export type HttpLabels = { method: string; route: string; status_code: number };

/**
 * The ledger's metrics, in a registry of this app's own: prom-client's global default registry
 * would have two apps in one process (the tests boot several) register the same names twice.
 */
@Injectable()
export class LedgerMetrics extends CommandMetrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram<keyof HttpLabels>({
    name: 'ledger_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status code, from the first middleware to the last byte',
    labelNames: ['method', 'route', 'status_code'],
    registers: [this.registry],
  });

  private readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands through the load -> decide -> append loop, by command type and outcome',
    labelNames: ['type', 'outcome'],
    registers: [this.registry],
  });

  private readonly appendDuration = new Histogram({
    name: 'ledger_append_duration_seconds',
    help: 'Time of one successful append to the event store',
    // An append is one short transaction: milliseconds, not the HTTP buckets' seconds.
    buckets: exponentialBuckets(0.0005, 2, 14),
    registers: [this.registry],
  });

  private readonly appendSize = new Histogram({
    name: 'ledger_append_events',
    help: 'Events written by one successful append',
    buckets: exponentialBuckets(1, 2, 10),
    registers: [this.registry],
  });

  private readonly eventsApplied = new Counter({
    name: 'ledger_projection_events_applied_total',
    help: 'Events the projector applied to each read model (rate() of it is events per second)',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  constructor() {
    super();
    collectDefaultMetrics({ register: this.registry });
  }

  /** Starts timing a request; call the result once its answer is sent. */
  httpRequest(): (labels: HttpLabels) => void {
    const end = this.httpDuration.startTimer();
    return (labels) => end(labels);
  }

  /** For the projector: `count` events of `projection` applied (call once per committed batch). */
  projected(projection: string, count: number): void {
    this.eventsApplied.inc({ projection }, count);
  }

  protected counted(type: string, outcome: CommandOutcome): void {
    this.commands.inc({ type, outcome });
  }

  protected appended(events: number, seconds: number): void {
    this.appendDuration.observe(seconds);
    this.appendSize.observe(events);
  }
}
