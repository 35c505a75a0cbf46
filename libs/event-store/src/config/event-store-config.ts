/** Which store to run, decided once at start from the environment (API.md "Configuration"). */
export type EventStoreConfig =
  | {
      readonly kind: 'postgres';
      readonly databaseUrl: string;
      /** EVENT_STORE_APP_ROLE: the role migrations grant only appending and reading (README "Append-only"). */
      readonly appRole?: string;
    }
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'eventstoredb'; readonly eventStoreUrl: string };

/** A wrong configuration value; the message is the one line to print before stopping. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const DEFAULT_DATA_DIR = './.ledger-data';

export function loadEventStoreConfig(env: Readonly<Record<string, string | undefined>>): EventStoreConfig {
  const store = optional(env, 'EVENT_STORE') ?? 'postgres';
  if (store !== 'postgres' && store !== 'eventstoredb') {
    throw new ConfigError('EVENT_STORE', `EVENT_STORE must be "postgres" or "eventstoredb", not "${store}"`);
  }
  const databaseUrl = optional(env, 'DATABASE_URL');
  const appRole = optional(env, 'EVENT_STORE_APP_ROLE');
  if (appRole !== undefined && (store !== 'postgres' || databaseUrl === undefined)) {
    throw new ConfigError(
      'EVENT_STORE_APP_ROLE',
      'EVENT_STORE_APP_ROLE applies only to the postgres store on a real server (EVENT_STORE=postgres with DATABASE_URL)',
    );
  }
  if (store === 'eventstoredb') {
    return { kind: 'eventstoredb', eventStoreUrl: eventStoreUrl(optional(env, 'EVENTSTORE_URL')) };
  }
  if (databaseUrl === undefined)
    return { kind: 'embedded', dataDir: optional(env, 'LEDGER_DATA_DIR') ?? DEFAULT_DATA_DIR };
  return {
    kind: 'postgres',
    databaseUrl: postgresUrl(databaseUrl),
    ...(appRole !== undefined && { appRole: roleName(appRole) }),
  };
}

/** Unset and blank are the same: a blank line in an .env file should not count as a value. */
function optional(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function postgresUrl(value: string): string {
  if (!/^postgres(ql)?:\/\//.test(value) || !URL.canParse(value)) {
    throw new ConfigError('DATABASE_URL', 'DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return value;
}

function roleName(value: string): string {
  // Lower case only: PostgreSQL folds an unquoted CREATE ROLE name, and the grants quote it.
  if (!/^[a-z_][a-z0-9_$]{0,62}$/.test(value)) {
    throw new ConfigError(
      'EVENT_STORE_APP_ROLE',
      'EVENT_STORE_APP_ROLE must be a PostgreSQL role name: a lower-case letter or _, then up to 62 lower-case letters, digits, _ or $',
    );
  }
  return value;
}

function eventStoreUrl(value: string | undefined): string {
  if (value === undefined) {
    throw new ConfigError(
      'EVENTSTORE_URL',
      'EVENTSTORE_URL is required when EVENT_STORE=eventstoredb (an esdb:// connection string)',
    );
  }
  if (!/^esdb(\+discover)?:\/\//.test(value)) {
    throw new ConfigError(
      'EVENTSTORE_URL',
      'EVENTSTORE_URL must be an esdb:// or esdb+discover:// connection string',
    );
  }
  return value;
}
