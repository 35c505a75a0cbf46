import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  customerAccountDecider,
  type CustomerEvent,
  customerStream,
  licensePeriods,
  type LicensePeriod,
  readRecorded,
  type RegisteredAccount,
} from '@ledger/domain';
import type { EventStore, EventStoreConfig } from '@ledger/event-store';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, BULK_RATE_LIMITS, type DatabaseConfig, localUrl } from '../config/app-config.js';
import type { LedgerSettings } from '../config/config.module.js';
import { createApp } from '../create-app.js';
import { DecisionLoop } from '../shared/decision-loop.js';
import { EVENT_STORE } from '../store/store.tokens.js';
import { CarrierInvoices, invoiceMonths, onboardResellers } from './carrier.js';
import { CustomerDesk } from './customer-desk.js';
import { dateOf, midnightOf, monthsBetween } from './demo-calendar.js';
import { DemoApi } from './demo-api.js';
import { type CustomerProfile, demoFleet, ROOT_RESELLER } from './demo-fleet.js';
import type { DemoOptions } from './demo-options.js';
import { Random } from './random.js';
import { lifeOf } from './seed-stories.js';
import { SimulatedClock } from './simulated-clock.js';
import { Simulation } from './simulation.js';

/** Where the history goes: the ledger's configured store (DATABASE_URL, or the embedded one). */
export interface DemoTarget {
  readonly database: DatabaseConfig;
  readonly store: EventStoreConfig;
  readonly logLevel: AppConfig['logLevel'];
}

export interface DemoHistory {
  readonly customers: number;
  /** The first and last day of the history. */
  readonly from: string;
  readonly to: string;
  /** Events recorded. */
  readonly events: number;
  /** Months whose carrier invoice was imported; the last one has mistakes. */
  readonly invoiceMonths: readonly string[];
}

export const describeHistory = (history: DemoHistory): string =>
  `${history.events} events recorded: ${history.customers} customers from ${history.from} to ${history.to}, carrier invoices for ${history.invoiceMonths.join(', ')}`;

/** How far the history has come: the simulated moment reached, from `start` to `end`. */
export type DemoProgress = (at: number, start: number, end: number) => void;

/** Two commands in a row are this far apart on the simulated clock. */
const COMMAND_STEP_MS = 47_000;

/**
 * The generator's own app: the real one on the ledger's store, reachable only from this process,
 * with a fresh secret nobody else holds, rate limits above a bulk load and only errors logged. The
 * app that serves people keeps its own settings.
 */
const generatorSettings = (target: DemoTarget): LedgerSettings => ({
  app: {
    port: 0,
    host: '127.0.0.1',
    logLevel: ['trace', 'debug', 'info', 'warn'].includes(target.logLevel) ? 'error' : target.logLevel,
    jwtSecret: randomBytes(32).toString('base64url'),
    secretSource: 'configured',
    corsOrigins: [],
    rateLimits: BULK_RATE_LIMITS,
  },
  database: target.database,
  store: target.store,
  // Its read models are needed (an invoice import reads them), but not after every command.
  projector: { mode: 'in-process', lingerMs: 250 },
});

/** The history's first moment: `months` months before the end day. */
const startOf = (options: DemoOptions): number => {
  const [year, month, day] = options.end.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1 - options.months, day ?? 1);
};

/** What the generator reads to decide: a customer's account and license periods, folded by the domain from its events. */
interface LedgerReads {
  account(customerId: string): Promise<RegisteredAccount>;
  periods(customerId: string): Promise<LicensePeriod[]>;
  /** How many events the store holds. */
  recorded(): Promise<number>;
}

const readsOf = (app: NestExpressApplication): LedgerReads => {
  const [loop, store] = [app.get(DecisionLoop), app.get<symbol, EventStore>(EVENT_STORE)];
  return {
    async account(customerId) {
      // The write side's own load: its cached state, caught up with the customer's stream.
      const { state } = await loop.load(customerStream(customerId), customerAccountDecider);
      if (state.status !== 'registered') throw new Error(`demo history: ${customerId} is not registered`);
      return state;
    },
    async periods(customerId) {
      const events = await store.readStream(customerStream(customerId));
      return licensePeriods(events.map((event) => readRecorded(event) as CustomerEvent));
    },
    recorded: () => countRecorded(store),
  };
};

/** The store's positions count its events on PostgreSQL; EventStoreDB's are byte offsets, so there they are read and counted. */
async function countRecorded(store: EventStore): Promise<number> {
  const counted = store.countEvents(0, await store.headPosition());
  if (counted !== null) return counted;
  let count = 0;
  for (let page = await store.readAll({ maxCount: 10_000 }); page.length > 0; ) {
    count += page.length;
    page = await store.readAll({ after: page.at(-1)!.position, maxCount: 10_000 });
  }
  return count;
}

const peopleOf = async (api: DemoApi, { resellerId, customerId }: CustomerProfile) => ({
  admin: await api.as('reseller-admin', resellerId),
  approver: await api.as('approver', ROOT_RESELLER.resellerId),
  manager: await api.as('customer-manager', resellerId, customerId),
});

/** The history itself: the carrier's actor (onboarding, then the invoices) and each customer's, on simulated time. */
async function record(
  api: DemoApi,
  reads: LedgerReads,
  clock: SimulatedClock,
  options: DemoOptions,
  onProgress: DemoProgress,
): Promise<DemoHistory> {
  const [start, end] = [startOf(options), midnightOf(options.end)];
  const random = Random.seeded(options.seed);
  const fleet = demoFleet(options.customers, random.stream(0), start, end);
  const sim = new Simulation(clock, start, end, (at) => onProgress(at, start, end));
  const desks = await Promise.all(
    fleet.map(
      async (customer, index) =>
        new CustomerDesk(customer, random.stream(index + 2), sim, await peopleOf(api, customer), () =>
          reads.account(customer.customerId),
        ),
    ),
  );
  const customerIds = fleet.map((customer) => customer.customerId);
  const invoices = new CarrierInvoices(api, sim, random.stream(1), { customerIds, periods: reads.periods });
  const months = invoiceMonths(monthsBetween(start, end), end);
  await sim.run([
    async () => {
      await onboardResellers(api);
      await invoices.importAll(months);
    },
    ...desks.map((desk) => () => lifeOf(desk, end)),
  ]);
  onProgress(end, start, end);
  const events = await reads.recorded();
  return { customers: fleet.length, from: dateOf(start), to: dateOf(end - 1), events, invoiceMonths: months };
}

/**
 * Records a demo history into an empty ledger through the real app's HTTP API, so every rule and
 * validation holds, on a simulated clock that runs from `options.months` months before `options.end`
 * to it. Returns undefined, recording nothing, when the ledger already has events.
 */
export async function recordDemoHistory(
  target: DemoTarget,
  options: DemoOptions,
  onProgress: DemoProgress = () => undefined,
): Promise<DemoHistory | undefined> {
  const settings = generatorSettings(target);
  const clock = new SimulatedClock(new Date(startOf(options)), COMMAND_STEP_MS);
  const app = await createApp(settings, { clock });
  try {
    if ((await app.get<symbol, EventStore>(EVENT_STORE).headPosition()) > 0) return undefined;
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const api = new DemoApi(localUrl('127.0.0.1', port), settings.app.jwtSecret);
    return await record(api, readsOf(app), clock, options, onProgress);
  } finally {
    await app.close();
  }
}
