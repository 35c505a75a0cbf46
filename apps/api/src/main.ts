import { loadEventStoreConfig } from '@ledger/event-store';
import { loadAppConfig, loadDatabaseConfig } from './config/app-config.js';
import type { LedgerSettings } from './config/config.module.js';
import { createApp } from './create-app.js';
import { seedDemoData } from './demo/demo-data.js';
import { loadProjectorConfig } from './projections/projector-config.js';

function loadSettings(): LedgerSettings {
  try {
    return {
      app: loadAppConfig(process.env),
      database: loadDatabaseConfig(process.env),
      store: loadEventStoreConfig(process.env),
      projector: loadProjectorConfig(process.env),
    };
  } catch (error) {
    // A wrong value stops the start with one clear line naming the variable and what it accepts.
    console.error(`license ledger: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const settings = loadSettings();
const app = await createApp(settings);
await app.listen(settings.app.port);
const baseUrl = `http://localhost:${settings.app.port}`;
if (process.argv.includes('--demo') && (await seedDemoData(baseUrl, settings.app.jwtSecret))) {
  console.log('license ledger: demo data recorded (customers C000000150, C000000151, C000000200)');
}
console.log(`license ledger listening on ${baseUrl} (API under /api, OpenAPI UI at ${baseUrl}/api/docs)`);
