import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from './auth/jwt.js';

// The sources run as `npm start` and `npm run token` run the build: a process of their own, configured by the environment.
const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_LOADER = ['--conditions=@ledger/source', '--import', '@swc-node/register/esm-register'];
const STARTUP_MS = 90_000;

let dataDir: string;
// Killed at the end whatever happened, so a start that never listens leaves no process behind.
const started = new Set<ChildProcess>();
// The embedded store with no secret configured, whatever the machine running the tests has set.
const UNSET = ['AUTH_JWT_SECRET', 'DATABASE_URL', 'EVENT_STORE', 'HOST'];
const environment = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !UNSET.includes(name)));
  return {
    ...inherited,
    SWC_NODE_PROJECT: './tsconfig.json',
    LEDGER_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'error',
    ...extra,
  };
};

/** Starts src/main.ts and resolves with the URL it prints once it listens. */
function startApi(env: NodeJS.ProcessEnv): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [...SOURCE_LOADER, 'src/main.ts'], {
    cwd: APP_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, process: child });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => reject(new Error(`the API exited (${code}) before it listened:\n${output}`)));
  });
}

async function stopApi(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const mintToken = async (env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> =>
  (
    await promisify(execFile)(process.execPath, [...SOURCE_LOADER, 'src/cli/token.ts', ...args], {
      cwd: APP_DIR,
      env,
    })
  ).stdout.trim();

const statusWith = async (url: string, token: string) =>
  (await fetch(`${url}/api/projections`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('the embedded development start', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-main-'));
  });
  afterAll(async () => {
    await Promise.all([...started].map(stopApi));
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'listens on 127.0.0.1, accepts tokens from npm run token, and keeps its secret across restarts',
    async () => {
      const env = environment();
      const first = await startApi(env);
      let token: string;
      try {
        expect(new URL(first.url).hostname).toBe('127.0.0.1');
        token = await mintToken(env, '--role', 'operator');
        expect(await statusWith(first.url, token)).toBe(200);
        // Signed with any other secret (the old constant in the code, say): refused.
        const forged = await signToken(
          { actor: 'x', role: 'operator' },
          'license-ledger-development-secret-do-not-use-in-production',
        );
        expect(await statusWith(first.url, forged)).toBe(401);
      } finally {
        await stopApi(first.process);
      }
      const second = await startApi(env);
      try {
        expect(await statusWith(second.url, token)).toBe(200);
      } finally {
        await stopApi(second.process);
      }
    },
    STARTUP_MS * 2,
  );

  it(
    'stops at a wrong HOST with one line naming it',
    async () => {
      const run = promisify(execFile)(process.execPath, [...SOURCE_LOADER, 'src/main.ts'], {
        cwd: APP_DIR,
        env: environment({ HOST: 'not a host' }),
      });
      const failure = await run.then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr?.trim().split('\n')).toEqual([
        expect.stringMatching(/^license ledger: HOST must be /),
      ]);
    },
    STARTUP_MS,
  );
});
