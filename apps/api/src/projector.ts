/**
 * The projector as its own process (`npm run projector`): follows the event store and keeps the
 * read models current, so the API can run with PROJECTOR=external. `--rebuild=<name>` also
 * rebuilds that projection into fresh tables and swaps them in; `--batch-size=<n>` caps the events
 * written per transaction (default 2000); `--metrics-port=<n>` serves Prometheus' GET /metrics on
 * HOST (default 9464; 0 picks a free port). Needs DATABASE_URL: the embedded engine belongs to the
 * API process.
 */
import 'reflect-metadata';
import { loadEventStoreConfig } from '@ledger/event-store';
import pino from 'pino';
import { loadDatabaseConfig } from './config/app-config.js';
import { LedgerMetrics } from './metrics/ledger-metrics.js';
import { portOf, serveMetrics } from './metrics/metrics-server.js';
import { projectionNamed } from './projections/projections.js';
import { ProjectionLeases } from './projections/projection-leases.js';
import { Projector, type ProjectorLog } from './projections/projector.js';
import { rebuildProjection } from './projections/rebuild.js';
import { migrateReadModels } from './read-models/migrate-read-models.js';
import { openDatabase } from './store/open-database.js';
import { openEventStore } from './store/open-event-store.js';

function settings() {
  try {
    const database = loadDatabaseConfig(process.env);
    if (database.kind !== 'postgres')
      throw new Error(
        'DATABASE_URL is required: the projector process shares a real PostgreSQL with the API',
      );
    const flag = (name: string) =>
      process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
    const rebuild = flag('rebuild');
    const batchSize = Number(flag('batch-size') ?? 2000);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
      throw new Error('--batch-size must be an integer from 1 to 10000');
    const metricsPort = Number(flag('metrics-port') ?? 9464);
    if (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535)
      throw new Error('--metrics-port must be a port number from 0 to 65535');
    if (rebuild !== undefined && !projectionNamed(rebuild))
      throw new Error(`--rebuild names no projection: "${rebuild}"`);
    return {
      database,
      store: loadEventStoreConfig(process.env),
      rebuild,
      batchSize,
      metricsPort,
      // The projector has no API; HOST decides where its metrics listen, as it does for the API.
      host: process.env.HOST?.trim() || '127.0.0.1',
      logLevel: process.env.LOG_LEVEL ?? 'info',
    };
  } catch (error) {
    console.error(`license ledger projector: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const config = settings();
const logger = pino({ level: config.logLevel });
const log: ProjectorLog = {
  log: (message) => logger.info(message),
  error: (message) => logger.error(message),
};
const database = await openDatabase(config.database);
await migrateReadModels(database);
const store = await openEventStore(config.store, database);
const metrics = new LedgerMetrics();
const metricsServer = await serveMetrics(metrics.registry, config.metricsPort, config.host);
log.log(`projector metrics on http://${config.host}:${portOf(metricsServer)}/metrics`);
const projector = new Projector(store, database.pool, log, {
  batchSize: config.batchSize,
  onApplied: (name, events) => metrics.projected(name, events),
  // Several projector processes (and API replicas) may run: one applies each projection, the others stand by.
  leases: new ProjectionLeases(database.url),
});
await projector.start();
log.log('projector started');
const stopping = new AbortController();
const projection = config.rebuild === undefined ? undefined : projectionNamed(config.rebuild);
const rebuild = projection
  ? rebuildProjection(store, database.pool, projection, log, { signal: stopping.signal })
  : Promise.resolve();
rebuild.catch((error: unknown) => log.error(`rebuild of ${config.rebuild} failed: ${String(error)}`));

const shutdown = async () => {
  stopping.abort();
  await projector.stop();
  await rebuild.catch(() => undefined);
  await store.close();
  await database.close();
  metricsServer.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
