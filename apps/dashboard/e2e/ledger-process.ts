import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const API = `${root}apps/api/dist/main.js`;
const TOKEN_CLI = `${root}apps/api/dist/cli/token.js`;
const DEMO_CLI = `${root}apps/api/dist/cli/demo.js`;
const DASHBOARD = `${root}apps/dashboard/dist/index.html`;

export interface Ledger {
  readonly url: string;
  token(role: string, resellerId?: string, customerId?: string): string;
  /** A call to the API as a user, failing the test on any answer but a 2xx. */
  call<T = Record<string, unknown>>(token: string, method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The whole product as a user runs it: the built API (`apps/api/dist/main.js`) on a fresh PostgreSQL
 * database, serving the built dashboard on its one port, with the demo history of `npm run demo`
 * when asked. Nothing is faked between the browser and the event store.
 */
export async function startLedger({ demo }: { demo?: readonly string[] } = {}): Promise<Ledger> {
  for (const file of [API, TOKEN_CLI, DEMO_CLI, DASHBOARD]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  }
  const database: TestDatabase = await createTestDatabase();
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  if (demo) {
    // `npm run demo` into the empty database first, as a user loads the demo history.
    const recorded = spawnSync(process.execPath, [DEMO_CLI, ...demo], {
      env,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (recorded.status !== 0)
      throw new Error(`npm run demo failed (${recorded.status}): ${recorded.stderr}`);
  }
  const api: ChildProcess = spawn(process.execPath, [API], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    api.stdout!.on('data', read);
    api.stderr!.on('data', read);
    api.on('exit', (code) => reject(new Error(`the API exited with ${code}:\n${output}`)));
  });

  const token = (role: string, resellerId?: string, customerId?: string) => {
    const args = [
      '--role',
      role,
      '--sub',
      `${role}@e2e`,
      ...(resellerId ? ['--reseller', resellerId] : []),
      ...(customerId ? ['--customer', customerId] : []),
    ];
    const signed = spawnSync(process.execPath, [TOKEN_CLI, ...args], { env, encoding: 'utf8' });
    if (signed.status !== 0) throw new Error(`npm run token failed: ${signed.stderr}`);
    return signed.stdout.trim();
  };
  const call = async <T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T;
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const stop = async () => {
    if (api.exitCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    await database.drop();
  };
  return { url, token, call, stop };
}
