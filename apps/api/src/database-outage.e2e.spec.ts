import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actors, item, seedVerticalDemo, VERTICAL_DEMO } from './testing/seed-fixtures.js';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy.js';
import { startTestApp, type TestApp } from './testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const order = (title: string) => ({ customerId: C, title, type: 'Change', changeDate: '2023-10-24', items: [item('Stand Alone VM', 1)] });

describe('PostgreSQL unreachable mid-traffic (cut by a TCP proxy), then back', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let app: TestApp;
  let who: Actors;
  let direct: PostgresEventStore;

  /** A request that gives up after 5 s, so a hanging server fails the test instead of stalling it. */
  const timed = async (method: string, path: string, body?: unknown, key?: string) => {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${who.admin.token}`,
        'content-type': 'application/json',
        ...(key && { 'idempotency-key': key }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(5000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, ms: performance.now() - started };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await startTcpProxy(database.url);
    app = await startTestApp({ database: { url: proxy.url, drop: database.drop } });
    who = await seedVerticalDemo(app, 3);
    direct = await PostgresEventStore.connect({ connectionString: database.url, listen: false });
  });
  afterAll(async () => {
    proxy?.restore();
    await app?.close();
    await direct?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 problem documents within 2 s while it is cut, recovers by itself, and loses nothing acknowledged', async () => {
    const acknowledged: { orderNo: string; position: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const placed = await timed('POST', '/api/orders', order(`Before ${i}`), `before-${i}`);
      expect(placed.status).toBe(201);
      acknowledged.push(placed.body as { orderNo: string; position: number });
    }

    proxy.cut();
    for (const [method, path, body] of [
      ['POST', '/api/orders', order('During')],
      ['POST', `/api/orders/${acknowledged[0]!.orderNo}/submit`, {}],
      ['GET', `/api/customers/${C}/inventory`],
      ['GET', `/api/orders/${acknowledged[1]!.orderNo}`],
      ['GET', `/api/orders?customerId=${C}`],
    ] as const) {
      const refused = await timed(method, path, body, method === 'POST' ? `during-${path}` : undefined);
      expect(refused.status, `${method} ${path}`).toBe(503);
      expect(refused.body.type).toBe('/api/problems/database-unavailable');
      expect(refused.ms, `${method} ${path}`).toBeLessThan(2000);
    }
    const health = await timed('GET', '/api/health');
    expect(health.status).toBe(503);
    expect(JSON.stringify(health.body)).not.toMatch(/ECONN|terminated|socket/i);

    proxy.restore();
    let recovered: Awaited<ReturnType<typeof timed>> | undefined;
    for (let attempt = 0; attempt < 60 && recovered?.status !== 201; attempt++) {
      if (attempt > 0) await sleep(250);
      recovered = await timed('POST', '/api/orders', order('After'), 'after');
    }
    expect(recovered?.status).toBe(201);
    acknowledged.push(recovered!.body as { orderNo: string; position: number });
    expect((await timed('GET', '/api/health')).status).toBe(200);

    // Every acknowledged order is in the store and, once the projector caught up, in its read model.
    const placed = new Set((await direct.readAll({ filter: { eventTypes: ['OrderPlaced'] } })).map((e) => e.data.orderNo));
    for (const { orderNo, position } of acknowledged) {
      expect(placed.has(orderNo), orderNo).toBe(true);
      expect((await timed('GET', `/api/orders/${orderNo}?minPosition=${position}`)).status, orderNo).toBe(200);
    }
    const projections = (await timed('GET', '/api/projections')).body as unknown as { name: string; status: string }[];
    for (const { name, status } of projections) expect(status, name).toBe('live');
  });
});
