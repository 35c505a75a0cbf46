import { describe, expect, it } from 'vitest';
import { ConfigError, loadEventStoreConfig } from './event-store-config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadEventStoreConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadEventStoreConfig', () => {
  it('runs the embedded store in ./.ledger-data when nothing is set', () => {
    expect(loadEventStoreConfig({})).toEqual({ kind: 'embedded', dataDir: './.ledger-data' });
  });

  it('runs the embedded store in LEDGER_DATA_DIR', () => {
    expect(loadEventStoreConfig({ LEDGER_DATA_DIR: '/var/ledger' })).toEqual({
      kind: 'embedded',
      dataDir: '/var/ledger',
    });
  });

  it('uses the real PostgreSQL of DATABASE_URL', () => {
    const databaseUrl = 'postgres://ledger@db:5432/ledger';
    expect(loadEventStoreConfig({ DATABASE_URL: databaseUrl, LEDGER_DATA_DIR: '/x' })).toEqual({
      kind: 'postgres',
      databaseUrl,
    });
  });

  it('names the application role of the real PostgreSQL in EVENT_STORE_APP_ROLE', () => {
    const databaseUrl = 'postgres://ledger@db:5432/ledger';
    expect(loadEventStoreConfig({ DATABASE_URL: databaseUrl, EVENT_STORE_APP_ROLE: 'ledger_app' })).toEqual({
      kind: 'postgres',
      databaseUrl,
      appRole: 'ledger_app',
    });
  });

  it('treats a blank variable as unset', () => {
    expect(loadEventStoreConfig({ EVENT_STORE: ' ', DATABASE_URL: '' })).toEqual({
      kind: 'embedded',
      dataDir: './.ledger-data',
    });
  });

  it('uses EventStoreDB at EVENTSTORE_URL', () => {
    const eventStoreUrl = 'esdb://localhost:2113?tls=false';
    expect(loadEventStoreConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: eventStoreUrl })).toEqual({
      kind: 'eventstoredb',
      eventStoreUrl,
    });
  });

  it.each([
    ['an unknown EVENT_STORE', { EVENT_STORE: 'mysql' }, 'EVENT_STORE'],
    ['eventstoredb without EVENTSTORE_URL', { EVENT_STORE: 'eventstoredb' }, 'EVENTSTORE_URL'],
    [
      'an EVENTSTORE_URL that is not esdb://',
      { EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'http://x' },
      'EVENTSTORE_URL',
    ],
    ['a DATABASE_URL that is not postgres://', { DATABASE_URL: 'mysql://db/ledger' }, 'DATABASE_URL'],
    [
      'an EVENT_STORE_APP_ROLE that is no plain role name',
      { DATABASE_URL: 'postgres://db/ledger', EVENT_STORE_APP_ROLE: 'app"; DROP TABLE x; --' },
      'EVENT_STORE_APP_ROLE',
    ],
    [
      'an EVENT_STORE_APP_ROLE on the embedded store',
      { EVENT_STORE_APP_ROLE: 'ledger_app' },
      'EVENT_STORE_APP_ROLE',
    ],
    [
      'an EVENT_STORE_APP_ROLE with EventStoreDB',
      {
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_URL: 'esdb://x',
        DATABASE_URL: 'postgres://db/ledger',
        EVENT_STORE_APP_ROLE: 'ledger_app',
      },
      'EVENT_STORE_APP_ROLE',
    ],
  ])('refuses %s with one line naming the variable', (_, env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).not.toContain('\n');
  });
});
