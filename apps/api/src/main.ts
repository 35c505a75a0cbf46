import { loadEventStoreConfig } from '@ledger/event-store';
import { loadAppConfig, loadDatabaseConfig } from './config/app-config.js';
import type { LedgerSettings } from './config/config.module.js';
import { createApp } from './create-app.js';

function loadSettings(): LedgerSettings {
  try {
    return { app: loadAppConfig(process.env), database: loadDatabaseConfig(process.env), store: loadEventStoreConfig(process.env) };
  } catch (error) {
    // A wrong value stops the start with one clear line naming the variable and what it accepts.
    console.error(`license ledger: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const settings = loadSettings();
const app = await createApp(settings);
await app.listen(settings.app.port);
console.log(`license ledger listening on http://localhost:${settings.app.port} (API under /api, docs at /api/docs)`);
