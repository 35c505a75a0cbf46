import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEventStoreConfig } from '@ledger/event-store';
import { loadDatabaseConfig, localUrl } from '../config/app-config.js';
import type { LedgerSettings } from '../config/config.module.js';
import { readAppConfig } from '../config/data-folder-secret.js';
import { createApp } from '../create-app.js';
import { OPENAPI_FILE, OPENAPI_PATH, openApiText } from '../http/openapi.js';

/**
 * `npm run openapi -w @ledger/api`: writes apps/api/openapi.json, the document the API serves at
 * /api/docs-json. The API starts as `npm start` starts it, on the embedded store, in a folder made
 * for the run and deleted after it, so no database is needed and nothing is left behind. That is the
 * embedded demo's document, with GET /api/demo/tokens, which an API with AUTH_JWT_SECRET does not have.
 */
async function writeOpenApi(folder: string): Promise<void> {
  const env = { LEDGER_DATA_DIR: folder, LOG_LEVEL: 'error' };
  const settings: LedgerSettings = {
    app: await readAppConfig(env),
    database: loadDatabaseConfig(env),
    store: loadEventStoreConfig(env),
    projector: { mode: 'in-process' },
  };
  const app = await createApp(settings);
  try {
    await app.listen(0, settings.app.host);
    const { port } = app.getHttpServer().address() as AddressInfo;
    const response = await fetch(`${localUrl(settings.app.host, port)}${OPENAPI_PATH}`);
    if (!response.ok) throw new Error(`${OPENAPI_PATH} answered ${response.status}`);
    await writeFile(OPENAPI_FILE, openApiText(await response.json()));
  } finally {
    await app.close();
  }
}

const folder = await mkdtemp(join(tmpdir(), 'ledger-openapi-'));
try {
  await writeOpenApi(folder);
  console.log(`license ledger: wrote ${OPENAPI_FILE}`);
} catch (error) {
  console.error(`license ledger: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
