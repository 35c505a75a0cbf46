import { randomUUID } from 'node:crypto';
import { resellerStream } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killProcess, type ProjectorProcess, startProjectorProcess } from '../projections/testing/projector-process.js';
import { waitUntil } from '../projections/testing/read-model-testing.js';

/** The value of one counter series in a Prometheus text exposition, 0 when it is not there yet. */
const counter = (text: string, series: string): number => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? 0);

describe('the external projector process (PROJECTOR=external)', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let projector: ProjectorProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url });
    projector = await startProjectorProcess(database.url);
  });
  afterAll(async () => {
    if (projector) await killProcess(projector, 'SIGTERM');
    await store?.close();
    await database?.drop();
  });

  it('serves GET /metrics with the events it applied per read model, and 404 for anything else', async () => {
    const url = projector?.metricsUrl ?? '';
    const metadata = { actor: 'operator@carrier', role: 'operator', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: 'c', schemaVersion: 1 };
    for (let i = 0; i < 3; i++) {
      const resellerId = `RS-${randomUUID()}`;
      await store.appendToStream(resellerStream(resellerId), [{ id: randomUUID(), type: 'ResellerRegistered', data: { resellerId, name: 'R', parentResellerId: null }, metadata }], 'no-stream');
    }
    // Each read model runs on its own lease and batch, so each is waited for on its own: one reaching
    // 3 says nothing of another.
    const applied = async (projection: string) => counter(await (await fetch(url)).text(), `ledger_projection_events_applied_total{projection="${projection}"}`);
    await waitUntil(async () => (await applied('customers')) === 3, 30_000, 'the customers read model to count 3 events applied');
    // The audit log applies every event, whatever its type.
    await waitUntil(async () => (await applied('audit-log')) === 3, 30_000, 'the audit log to count 3 events applied');

    const response = await fetch(url);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(counter(text, 'ledger_projection_events_applied_total{projection="customers"}')).toBe(3);
    expect(counter(text, 'ledger_projection_events_applied_total{projection="audit-log"}')).toBe(3);
    expect(text).toContain('process_resident_memory_bytes');
    expect((await fetch(url.replace('/metrics', '/api/health'))).status).toBe(404);
  });
});
