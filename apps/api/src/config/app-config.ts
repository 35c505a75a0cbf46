import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `configured`: AUTH_JWT_SECRET; `data-folder`: the embedded store's own random secret (development). */
export type SecretSource = 'configured' | 'data-folder';

/** At most `limit` requests per `ttlMs` milliseconds (a sliding window). */
export interface RateLimit {
  readonly limit: number;
  readonly ttlMs: number;
}

export interface RateLimits {
  /** Per bearer token (keyed by its hash, so one caller cannot use up another's budget with a forged token). */
  readonly perToken: RateLimit;
  /** Per client address, with or without a token; above a person's pace, below a flood's. */
  readonly perIp: RateLimit;
}

export interface AppConfig {
  readonly port: number;
  /** The interface to listen on. */
  readonly host: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly jwtSecret: string;
  readonly secretSource: SecretSource;
  /** Browser origins allowed to call the API cross-origin; the dashboard is served on the API's own origin. */
  readonly corsOrigins: readonly string[];
  readonly rateLimits: RateLimits;
  /** The dashboard's Vite build (index.html, assets/), served at `/`: DASHBOARD_DIR unless a test points elsewhere. */
  readonly dashboardDir?: string;
}

/** A dashboard screen loads a handful of reads; a script paging through the audit log stays well under this. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perToken: { limit: 300, ttlMs: 10_000 },
  perIp: { limit: 1_000, ttlMs: 10_000 },
};

/**
 * For an app only a bulk writer of this process calls (the demo generator's, the tests'): far above
 * any such load, so it never meets them; the 1 s window keeps the throttler's list of recent hits short.
 */
export const BULK_RATE_LIMITS: RateLimits = {
  perToken: { limit: 1_000_000, ttlMs: 1_000 },
  perIp: { limit: 1_000_000, ttlMs: 1_000 },
};

/**
 * apps/dashboard/dist, found from this file's place: apps/api/dist/config once built, apps/api/src/config
 * when run from source, both three levels below apps/. Not an environment variable: the API serves
 * the dashboard of its own checkout.
 */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../../dashboard/dist', import.meta.url));

/** The dashboard's Vite dev server (apps/dashboard, `vite` on port 5173). */
const DEV_DASHBOARD_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

export class ConfigError extends Error {}

const port = z.coerce.number().int().min(0).max(65535);

/**
 * Reads the API's own variables once; pure. The event store's variables (EVENT_STORE, DATABASE_URL,
 * EVENTSTORE_URL, LEDGER_DATA_DIR) are read by @ledger/event-store's loader. Without AUTH_JWT_SECRET
 * on the embedded store, `dataFolderSecret` is the secret kept in the data folder: readAppConfig
 * (data-folder-secret.ts) reads it first.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv, dataFolderSecret?: string): AppConfig {
  const portValue = port.safeParse(env.PORT ?? '3000');
  if (!portValue.success) throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  const logLevel = loadLogLevel(env);
  const secret = env.AUTH_JWT_SECRET;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('AUTH_JWT_SECRET must be at least 32 characters');
  }
  if (secret === undefined && secretFolder(env) === undefined) {
    throw new ConfigError(
      'AUTH_JWT_SECRET is required (at least 32 characters) unless the embedded store is used',
    );
  }
  const jwtSecret = secret ?? dataFolderSecret;
  if (jwtSecret === undefined) throw new Error('the data folder secret must be read first (readAppConfig)');
  const secretSource: SecretSource = secret === undefined ? 'data-folder' : 'configured';
  // Development (a secret nobody configured) stays on this machine unless HOST says otherwise.
  const development = secretSource === 'data-folder';
  return {
    port: portValue.data,
    host: hostOf(env.HOST, development),
    logLevel,
    jwtSecret,
    secretSource,
    corsOrigins: development ? DEV_DASHBOARD_ORIGINS : [],
    rateLimits: DEFAULT_RATE_LIMITS,
  };
}

export function loadLogLevel(env: NodeJS.ProcessEnv): AppConfig['logLevel'] {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  return logLevel as AppConfig['logLevel'];
}

function hostOf(value: string | undefined, development: boolean): string {
  const host = value?.trim() || (development ? '127.0.0.1' : '0.0.0.0');
  if (isIP(host) === 0 && host !== 'localhost') {
    throw new ConfigError(
      `HOST must be an IP address to listen on (127.0.0.1, 0.0.0.0, ::, ...) or localhost, got "${host}"`,
    );
  }
  return host;
}

/** The URL this machine reaches a server on that listens on `host`: a wildcard address means its loopback. */
export function localUrl(host: string, port: number): string {
  const address = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${isIP(address) === 6 ? `[${address}]` : address}:${port}`;
}

/**
 * The data folder whose own secret signs tokens: the embedded store's, when AUTH_JWT_SECRET is not
 * set (nobody else can reach that data anyway); undefined when the secret must be configured.
 */
export function secretFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.AUTH_JWT_SECRET !== undefined || (env.EVENT_STORE?.trim() || 'postgres') !== 'postgres')
    return undefined;
  const database = loadDatabaseConfig(env);
  return database.kind === 'embedded' ? database.dataDir : undefined;
}

/** Where the read models (and, on the postgres store, the events) live. */
export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'embedded'; readonly dataDir: string };

export function loadDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url) || !URL.canParse(url)) {
      throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
    }
    return { kind: 'postgres', url };
  }
  return { kind: 'embedded', dataDir: env.LEDGER_DATA_DIR?.trim() || './.ledger-data' };
}
