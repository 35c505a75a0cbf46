import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import {
  ConfigError,
  DASHBOARD_DIR,
  DEFAULT_RATE_LIMITS,
  loadAppConfig,
  localUrl,
  secretFolder,
} from './app-config.js';

const FOLDER_SECRET = 'a-secret-read-from-the-data-folder-0123456789';
const CONFIGURED = {
  AUTH_JWT_SECRET: 'a-configured-secret-of-at-least-32-characters',
  DATABASE_URL: 'postgres://db/ledger',
};

describe('loadAppConfig', () => {
  it('signs with the data folder secret on the embedded store, listening on this machine only', () => {
    expect(loadAppConfig({}, FOLDER_SECRET)).toMatchObject({
      jwtSecret: FOLDER_SECRET,
      secretSource: 'data-folder',
      host: '127.0.0.1',
      corsOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
    });
  });

  it('signs with AUTH_JWT_SECRET when it is set, listening on every interface with no CORS origin', () => {
    expect(loadAppConfig(CONFIGURED)).toEqual({
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      jwtSecret: CONFIGURED.AUTH_JWT_SECRET,
      secretSource: 'configured',
      corsOrigins: [],
      rateLimits: DEFAULT_RATE_LIMITS,
    });
  });

  it("serves the dashboard's build from apps/dashboard/dist, beside the API's own folder", () => {
    expect(DASHBOARD_DIR.split(sep).slice(-3)).toEqual(['apps', 'dashboard', 'dist']);
    expect(existsSync(join(DASHBOARD_DIR, '..', '..', 'api', 'package.json'))).toBe(true);
  });

  it('listens on the HOST given', () => {
    expect(loadAppConfig({ HOST: '0.0.0.0' }, FOLDER_SECRET).host).toBe('0.0.0.0');
    expect(loadAppConfig({ ...CONFIGURED, HOST: '::' }).host).toBe('::');
    expect(loadAppConfig({ ...CONFIGURED, HOST: 'localhost' }).host).toBe('localhost');
  });

  it('keeps rate limits per token below those per address', () => {
    expect(DEFAULT_RATE_LIMITS.perToken.limit / DEFAULT_RATE_LIMITS.perToken.ttlMs).toBeLessThan(
      DEFAULT_RATE_LIMITS.perIp.limit / DEFAULT_RATE_LIMITS.perIp.ttlMs,
    );
  });

  it.each([
    ['a HOST that is no address', { ...CONFIGURED, HOST: 'example.com:80' }, 'HOST'],
    ['a short AUTH_JWT_SECRET', { AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET'],
    ['no AUTH_JWT_SECRET with DATABASE_URL', { DATABASE_URL: 'postgres://db/ledger' }, 'AUTH_JWT_SECRET'],
    ['no AUTH_JWT_SECRET with EventStoreDB', { EVENT_STORE: 'eventstoredb' }, 'AUTH_JWT_SECRET'],
    ['a PORT out of range', { ...CONFIGURED, PORT: '70000' }, 'PORT'],
  ])('refuses %s with one line naming the variable', (_, env, variable) => {
    const load = () => loadAppConfig(env, FOLDER_SECRET);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^${variable} [^\\n]+$`));
  });
});

describe('secretFolder', () => {
  it('is the embedded store folder when no secret is configured', () => {
    expect(secretFolder({})).toBe('./.ledger-data');
    expect(secretFolder({ LEDGER_DATA_DIR: '/var/ledger' })).toBe('/var/ledger');
  });

  it('is none when the secret is configured or the store is not embedded', () => {
    expect(secretFolder({ AUTH_JWT_SECRET: CONFIGURED.AUTH_JWT_SECRET })).toBeUndefined();
    expect(secretFolder({ DATABASE_URL: 'postgres://db/ledger' })).toBeUndefined();
    expect(secretFolder({ EVENT_STORE: 'eventstoredb' })).toBeUndefined();
  });
});

describe('localUrl', () => {
  it('reaches a wildcard address through its loopback, and brackets IPv6', () => {
    expect(localUrl('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000');
    expect(localUrl('::', 3000)).toBe('http://[::1]:3000');
    expect(localUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
    expect(localUrl('localhost', 3000)).toBe('http://localhost:3000');
  });
});
