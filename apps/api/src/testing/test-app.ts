import type { AddressInfo } from 'node:net';
import type { EventStore, EventStoreConfig } from '@ledger/event-store';
import type { Role } from '@ledger/domain';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppOverrides } from '../app.module.js';
import { signToken } from '../auth/jwt.js';
import { principalOf } from '../auth/principal.js';
import { type AppConfig, BULK_RATE_LIMITS } from '../config/app-config.js';
import type { LedgerSettings } from '../config/config.module.js';
import { createApp } from '../create-app.js';
import type { ProjectorConfig } from '../projections/projector-config.js';
import { EVENT_STORE } from '../store/store.tokens.js';

export const TEST_SECRET = 'test-secret-for-the-license-ledger-api-0123456789';

export interface TestResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface Caller {
  readonly token: string;
  get<T = any>(path: string): Promise<TestResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
  put<T = any>(path: string, body?: unknown): Promise<TestResponse<T>>;
  delete<T = any>(path: string): Promise<TestResponse<T>>;
  /** POST multipart/form-data; fetch writes the boundary into the content type. */
  postForm<T = any>(path: string, form: FormData, headers?: Record<string, string>): Promise<TestResponse<T>>;
}

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly database: TestDatabase;
  as(role: Role, resellerId?: string, extra?: { sub?: string; customerId?: string }): Promise<Caller>;
  /** The event store's head: unchanged across a request means the request recorded nothing. */
  headPosition(): Promise<number>;
  request<T = any>(
    method: string,
    path: string,
    init?: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      raw?: string;
      form?: FormData;
    },
  ): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/** The settings every test app runs with, on the real PostgreSQL database at `url` (the events too, unless `store` says). */
export const testSettings = (
  url: string,
  projector: ProjectorConfig = { mode: 'in-process' },
  app: Partial<AppConfig> = {},
  store: EventStoreConfig = { kind: 'postgres', databaseUrl: url },
): LedgerSettings => ({
  app: {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    jwtSecret: TEST_SECRET,
    secretSource: 'configured',
    corsOrigins: [],
    // Some tests send over 10,000 requests in seconds; only a test that sets its own limits meets one.
    rateLimits: BULK_RATE_LIMITS,
    ...app,
  },
  database: { kind: 'postgres', url },
  store,
  projector,
});

export interface TestAppOptions extends AppOverrides {
  readonly projector?: ProjectorConfig;
  /** App settings to change, such as tiny rate limits or CORS origins. */
  readonly app?: Partial<AppConfig>;
  /** Another process's database to share (it is then not dropped on close); a fresh one by default. */
  readonly database?: TestDatabase;
  /** Where the events go; the test database's PostgreSQL by default. */
  readonly store?: EventStoreConfig;
}

/** The whole API booted in-process on a fresh database of the real local PostgreSQL. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { projector, database: shared, app: appSettings, store, ...overrides } = options;
  const database = shared ?? (await createTestDatabase());
  const settings = testSettings(database.url, projector, appSettings, store);
  const app = await createApp(settings, overrides);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const request: TestApp['request'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | FormData | undefined = init.form ?? init.raw;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    } else if (init.raw !== undefined && init.form === undefined) {
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body }),
    });
    const text = await response.text();
    const json = /json/.test(response.headers.get('content-type') ?? '');
    return {
      status: response.status,
      headers: response.headers,
      body: json && text ? JSON.parse(text) : text,
    };
  };

  return {
    app,
    baseUrl,
    database,
    request,
    headPosition: () => app.get<symbol, EventStore>(EVENT_STORE).headPosition(),
    async as(role, resellerId = 'RS-Vertical', extra = {}) {
      const actor = extra.sub ?? (role === 'operator' ? 'operator@carrier' : `${role}@${resellerId}`);
      const token = await signToken(principalOf(role, actor, resellerId, extra.customerId), TEST_SECRET);
      return {
        token,
        get: (path) => request('GET', path, { token }),
        post: (path, body, headers) =>
          request('POST', path, { token, body: body ?? {}, ...(headers && { headers }) }),
        put: (path, body) => request('PUT', path, { token, body }),
        delete: (path) => request('DELETE', path, { token }),
        postForm: (path, form, headers) =>
          request('POST', path, { token, form, ...(headers && { headers }) }),
      };
    },
    async close() {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}
