import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestResponse } from '../testing/test-app.js';

const MINUTE = 60_000;

const expectTooManyRequests = (response: TestResponse) => {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status: 429, type: expect.stringMatching(/\/too-many-requests$/) });
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
};

/** An app whose limits are tiny, per minute, so a test can reach them. */
function appLimitedTo(perToken: number, perIp: number): { app: TestApp } {
  const started = {} as { app: TestApp };
  beforeAll(async () => {
    started.app = await startTestApp({
      app: {
        rateLimits: { perToken: { limit: perToken, ttlMs: MINUTE }, perIp: { limit: perIp, ttlMs: MINUTE } },
      },
    });
  });
  afterAll(() => started.app?.close());
  return started;
}

describe('rate limit per bearer token', () => {
  const limited = appLimitedTo(3, 1_000);

  it('answers a token over its limit with a 429 problem document while another token is still served', async () => {
    const busy = await limited.app.as('auditor', 'RS-Vertical', { sub: 'busy' });
    const other = await limited.app.as('auditor', 'RS-Vertical', { sub: 'other' });
    for (let i = 0; i < 3; i++) expect((await busy.get('/api/projections')).status).toBe(200);
    expectTooManyRequests(await busy.get('/api/projections'));
    // Counted across routes, not per route.
    expectTooManyRequests(await busy.get('/api/health'));
    expect((await other.get('/api/projections')).status).toBe(200);
  });
});

describe('rate limit per client address', () => {
  const limited = appLimitedTo(1_000, 3);

  it('limits requests without a token too, before any token is checked', async () => {
    for (let i = 0; i < 3; i++) expect((await limited.app.request('GET', '/api/health')).status).toBe(200);
    expectTooManyRequests(await limited.app.request('GET', '/api/projections', { token: 'not-even-a-jwt' }));
  });
});
