import type { AddressInfo } from 'node:net';
import type { Role } from '@ledger/domain';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppOverrides } from '../app.module.js';
import { signToken } from '../auth/jwt.js';
import type { LedgerSettings } from '../config/config.module.js';
import { createApp } from '../create-app.js';
import type { ProjectorConfig } from '../projections/projector-config.js';

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
}

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly database: TestDatabase;
  as(role: Role, resellerId?: string, extra?: { sub?: string; customerId?: string }): Promise<Caller>;
  request<T = any>(method: string, path: string, init?: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string }): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/** The whole API booted in-process on a fresh database of the real local PostgreSQL. */
export async function startTestApp(options: AppOverrides & { projector?: ProjectorConfig } = {}): Promise<TestApp> {
  const { projector = { mode: 'in-process' }, ...overrides } = options;
  const database = await createTestDatabase();
  const settings: LedgerSettings = {
    app: { port: 0, logLevel: 'silent', jwtSecret: TEST_SECRET, usingDevelopmentSecret: false },
    database: { kind: 'postgres', url: database.url },
    store: { kind: 'postgres', databaseUrl: database.url },
    projector,
  };
  const app = await createApp(settings, overrides);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const request: TestApp['request'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined = init.raw;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    } else if (init.raw !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined && { body }) });
    const text = await response.text();
    const json = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, headers: response.headers, body: json && text ? JSON.parse(text) : text };
  };

  return {
    app,
    baseUrl,
    database,
    request,
    async as(role, resellerId = 'RS-Vertical', extra = {}) {
      const token = await signToken(
        { actor: extra.sub ?? `${role}@${resellerId}`, role, resellerId, ...(extra.customerId && { customerId: extra.customerId }) },
        TEST_SECRET,
      );
      return {
        token,
        get: (path) => request('GET', path, { token }),
        post: (path, body, headers) => request('POST', path, { token, body: body ?? {}, ...(headers && { headers }) }),
        put: (path, body) => request('PUT', path, { token, body }),
        delete: (path) => request('DELETE', path, { token }),
      };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
