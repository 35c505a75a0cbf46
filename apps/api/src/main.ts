import type { AddressInfo } from 'node:net';
import { loadEventStoreConfig } from '@ledger/event-store';
import { loadDatabaseConfig, localUrl } from './config/app-config.js';
import type { LedgerSettings } from './config/config.module.js';
import { readAppConfig } from './config/data-folder-secret.js';
import { createApp } from './create-app.js';
import { seedDemoData } from './demo/demo-data.js';
import { loadProjectorConfig } from './projections/projector-config.js';

async function loadSettings(): Promise<LedgerSettings> {
  try {
    const store = loadEventStoreConfig(process.env);
    const database = loadDatabaseConfig(process.env);
    const projector = loadProjectorConfig(process.env);
    return { app: await readAppConfig(process.env), database, store, projector };
  } catch (error) {
    // A wrong value stops the start with one clear line naming the variable and what it accepts.
    console.error(`license ledger: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const settings = await loadSettings();
const app = await createApp(settings);
await app.listen(settings.app.port, settings.app.host);
// PORT=0 takes any free port: the address says which.
const baseUrl = localUrl(settings.app.host, (app.getHttpServer().address() as AddressInfo).port);
if (process.argv.includes('--demo') && (await seedDemoData(baseUrl, settings.app.jwtSecret))) {
  console.log('license ledger: demo data recorded (customers C000000150, C000000151, C000000200)');
}
console.log(`license ledger listening on ${baseUrl} (API under /api, OpenAPI UI at ${baseUrl}/api/docs)`);
