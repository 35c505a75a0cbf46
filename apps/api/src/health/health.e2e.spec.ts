import type { EventStore } from '@ledger/event-store';
import { Logger } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_STORE } from '../store/store.tokens.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

// What a driver says when the database is gone: host, port and user are nobody else's business.
const DRIVER_MESSAGE = 'connect ECONNREFUSED 10.20.30.40:5432 (user "ledger_owner")';

describe('public health check', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());
  afterEach(() => vi.restoreAllMocks());

  it('answers 503 without the driver message when the event store is down, and logs the error', async () => {
    const store = app.app.get<symbol, EventStore>(EVENT_STORE);
    vi.spyOn(store, 'headPosition').mockRejectedValue(new Error(DRIVER_MESSAGE));
    const logged = vi.spyOn(Logger.prototype, 'error');

    const response = await app.request('GET', '/api/health');

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'error', error: { eventStore: { status: 'down' } } });
    expect(JSON.stringify(response.body)).not.toContain('ECONNREFUSED');
    expect(JSON.stringify(response.body)).not.toContain('10.20.30.40');
    expect(logged.mock.calls.flat().join('\n')).toContain(DRIVER_MESSAGE);
  });

  it('answers 200 again once the store is back', async () => {
    const response = await app.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' } } });
  });
});
