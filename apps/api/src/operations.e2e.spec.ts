import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/test-app.js';

describe('operations endpoints', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('serves the OpenAPI document without a token, covering every command with seed examples', async () => {
    const { status, body } = await app.request('GET', '/api/docs-json');
    expect(status).toBe(200);
    const paths = Object.keys(body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/packages',
        '/api/resellers',
        '/api/customers',
        '/api/customers/{customerId}',
        '/api/customers/{customerId}/inventory',
        '/api/orders',
        '/api/orders/{orderNo}',
        '/api/orders/{orderNo}/items',
        '/api/orders/{orderNo}/submit',
        '/api/orders/{orderNo}/approve',
        '/api/orders/{orderNo}/reject',
        '/api/orders/{orderNo}/final-confirm',
        '/api/orders/{orderNo}/cancel',
        '/api/customers/{customerId}/users',
        '/api/customers/{customerId}/users/{extension}/package',
        '/api/customers/{customerId}/users/{extension}',
        '/api/health',
      ]),
    );
    const placeOrder = body.paths['/api/orders'].post.requestBody.content['application/json'].schema;
    expect(placeOrder.example.customerId).toBe('C000000150');
    expect(placeOrder.properties.items.items.required).toEqual(expect.arrayContaining(['package', 'quantity', 'trialDays']));
    expect((await app.request('GET', '/api/docs')).status).toBe(200);
  });

  it('reports health without a token, with the event store checked', async () => {
    const { status, body } = await app.request('GET', '/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' } } });
  });

  it('answers an unknown route with a problem document', async () => {
    const response = await app.request('GET', '/api/nothing-here', { token: (await app.as('auditor')).token });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
