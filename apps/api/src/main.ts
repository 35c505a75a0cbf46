import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type EventStore, loadEventStoreConfig } from '@ledger/event-store';
import { loadDatabaseConfig, localUrl } from './config/app-config.js';
import type { LedgerSettings } from './config/config.module.js';
import { readAppConfig } from './config/data-folder-secret.js';
import { createApp } from './create-app.js';
import { loadProjectorConfig } from './projections/projector-config.js';
import { EVENT_STORE } from './store/store.tokens.js';

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

/**
 * `--demo` (npm start): an empty ledger first gets the demo history from `npm run demo`'s generator
 * with its default options, in a process of its own (its app and memory are gone when it ends, so
 * this one idles as lean as ever); this app is closed meanwhile, as the embedded store has one
 * owner at a time.
 */
async function recordDemoIfEmpty(app: NestExpressApplication): Promise<boolean> {
  if ((await app.get<symbol, EventStore>(EVENT_STORE).headPosition()) > 0) return false;
  await app.close();
  console.log(
    'license ledger: the ledger is empty: recording the demo history (npm run demo with its defaults)...',
  );
  const generator = spawn(process.execPath, [fileURLToPath(new URL('./cli/demo.js', import.meta.url))], {
    stdio: 'inherit',
  });
  const [code] = (await once(generator, 'exit')) as [number | null];
  // 2: another process filled the ledger first; anything else but 0 is an error it has told.
  if (code !== 0 && code !== 2) process.exit(1);
  return true;
}

const settings = await loadSettings();
let app = await createApp(settings);
if (process.argv.includes('--demo') && (await recordDemoIfEmpty(app))) app = await createApp(settings);
await app.listen(settings.app.port, settings.app.host);
// PORT=0 takes any free port: the address says which.
const baseUrl = localUrl(settings.app.host, (app.getHttpServer().address() as AddressInfo).port);
console.log(`license ledger listening on ${baseUrl} (the dashboard at ${baseUrl}/, the API under /api, its OpenAPI UI at ${baseUrl}/api/docs)`);
