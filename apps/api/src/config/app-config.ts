import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Used only on the embedded store, where nobody else can reach the data anyway; announced as a warning. */
export const DEVELOPMENT_JWT_SECRET = 'license-ledger-development-secret-do-not-use-in-production';

export interface AppConfig {
  readonly port: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly jwtSecret: string;
  readonly usingDevelopmentSecret: boolean;
}

export class ConfigError extends Error {}

const port = z.coerce.number().int().min(0).max(65535);

/**
 * Reads the API's own variables once. The event store's variables (EVENT_STORE, DATABASE_URL,
 * EVENTSTORE_URL, LEDGER_DATA_DIR) are read by @ledger/event-store's loader.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv): AppConfig {
  const portValue = port.safeParse(env.PORT ?? '3000');
  if (!portValue.success) throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const secret = env.AUTH_JWT_SECRET;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('AUTH_JWT_SECRET must be at least 32 characters');
  }
  const embedded = !env.DATABASE_URL && (env.EVENT_STORE ?? 'postgres') === 'postgres';
  if (secret === undefined && !embedded) {
    throw new ConfigError('AUTH_JWT_SECRET is required (at least 32 characters) unless the embedded store is used');
  }
  return {
    port: portValue.data,
    logLevel: logLevel as AppConfig['logLevel'],
    jwtSecret: secret ?? DEVELOPMENT_JWT_SECRET,
    usingDevelopmentSecret: secret === undefined,
  };
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
