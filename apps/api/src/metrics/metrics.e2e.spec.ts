import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { item, seedVerticalDemo, VERTICAL_DEMO } from '../testing/seed-fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { type Family, parsePrometheusText, sampleValue } from './testing/prometheus-text.js';

type Metrics = Map<string, Family>;

const samplesNamed = (metrics: Metrics, name: string) =>
  [...metrics.values()].flatMap((family) => family.samples).filter((sample) => sample.name === name);

/** Every series of `name` that changed between two scrapes, keyed by the values of `labels`. */
const deltas = (before: Metrics, after: Metrics, name: string, labels: readonly string[]) =>
  Object.fromEntries(
    samplesNamed(after, name)
      .map(
        (sample) =>
          [
            labels.map((label) => sample.labels[label]).join(' '),
            sample.value - sampleValue(before, name, sample.labels),
          ] as const,
      )
      .filter(([, delta]) => delta !== 0),
  );

const PROCESS_METRICS = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'process_start_time_seconds',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_seconds',
  'nodejs_version_info',
];

describe('GET /metrics (Prometheus, no token)', () => {
  let app: TestApp;
  let orderNo: string;
  let scraped: { contentType: string | null; before: Metrics; after: Metrics };
  let headDelta: number;

  const scrape = async () => {
    const response = await app.request<string>('GET', '/metrics');
    expect(response.status).toBe(200);
    return { contentType: response.headers.get('content-type'), metrics: parsePrometheusText(response.body) };
  };

  beforeAll(async () => {
    app = await startTestApp();
    const { admin, approver } = await seedVerticalDemo(app);
    const before = await scrape();
    const head = await app.headPosition();

    const placed = await admin.post('/api/orders', {
      customerId: VERTICAL_DEMO.customerId,
      title: 'Metrics order',
      type: 'Change',
      changeDate: '2023-11-01',
      items: [item('Basic User With VM', 1)],
    });
    expect(placed.status).toBe(201);
    orderNo = placed.body.orderNo;
    const sent = [
      [await admin.post(`/api/orders/${orderNo}/submit`), 200],
      [await admin.post(`/api/orders/${orderNo}/submit`), 409], // invalid-transition: a rule, refused
      [await approver.post(`/api/orders/${orderNo}/approve`), 200],
      [await admin.post(`/api/orders/${orderNo}/final-confirm`), 200],
      [await admin.post(`/api/orders/${orderNo}/final-confirm`), 200], // records nothing: unchanged
      [await admin.post('/api/orders', { customerId: VERTICAL_DEMO.customerId }), 400], // the body pipe
      [await approver.post('/api/orders', {}), 403], // the role guard
      [await app.request('POST', `/api/orders/${orderNo}/submit`), 401], // the token guard
      [await app.request('GET', `/api/orders/${orderNo}/nothing-here`), 404], // no route
    ] as const;
    for (const [response, status] of sent)
      expect(response.status, JSON.stringify(response.body)).toBe(status);

    headDelta = (await app.headPosition()) - head;
    const after = await scrape();
    scraped = { contentType: after.contentType, before: before.metrics, after: after.metrics };
  });
  afterAll(() => app?.close());

  it('answers in the Prometheus text format, with the default process metrics', () => {
    expect(scraped.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    for (const name of PROCESS_METRICS)
      expect(scraped.after.get(name)?.samples.length, name).toBeGreaterThan(0);
  });

  it('times every request by route template and status, refusals by guards and pipes included', () => {
    const { before, after } = scraped;
    expect(after.get('ledger_http_request_duration_seconds')?.type).toBe('histogram');
    expect(
      deltas(before, after, 'ledger_http_request_duration_seconds_count', ['method', 'route', 'status_code']),
    ).toEqual({
      'GET /metrics 200': 1, // the first scrape
      'POST /api/orders 201': 1,
      'POST /api/orders 400': 1,
      'POST /api/orders 403': 1,
      'POST /api/orders/:orderNo/submit 200': 1,
      'POST /api/orders/:orderNo/submit 409': 1,
      'POST /api/orders/:orderNo/submit 401': 1,
      'POST /api/orders/:orderNo/approve 200': 1,
      'POST /api/orders/:orderNo/final-confirm 200': 2,
      'GET unmatched 404': 1,
    });
  });

  it('never puts a raw path in a route label: templates only, ids never', () => {
    const routes = new Set(
      samplesNamed(scraped.after, 'ledger_http_request_duration_seconds_count').map((s) => s.labels.route!),
    );
    for (const route of routes) {
      expect(route).toMatch(/^(unmatched|\/[a-z/:A-Z-]*)$/);
      for (const id of [orderNo, VERTICAL_DEMO.customerId, 'nothing-here']) expect(route).not.toContain(id);
    }
    expect(routes).toContain('/api/customers/:customerId/users');
  });

  it('counts commands by type and outcome as they were sent', () => {
    expect(deltas(scraped.before, scraped.after, 'ledger_commands_total', ['type', 'outcome'])).toEqual({
      // The seed's orders reserved this process's block of numbers already: the order only claims one.
      'ClaimOrderNumber recorded': 1,
      'PlaceOrder recorded': 1,
      'SubmitOrder recorded': 1,
      'SubmitOrder refused': 1,
      'ApproveOrder recorded': 1,
      'FinalConfirmOrder recorded': 1,
      'FinalConfirmOrder unchanged': 1,
    });
  });

  it('observes the latency and the size in events of each append', () => {
    const { before, after } = scraped;
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);
    // One append per recorded command; together they wrote exactly what the store's head moved by.
    expect(delta('ledger_append_duration_seconds_count')).toBe(5);
    expect(delta('ledger_append_duration_seconds_sum')).toBeGreaterThan(0);
    expect(delta('ledger_append_duration_seconds_bucket', { le: '+Inf' })).toBe(5);
    expect(delta('ledger_append_events_count')).toBe(5);
    expect(delta('ledger_append_events_sum')).toBe(headDelta);
  });

  it('reports position, lag and status of every projection GET /api/projections lists, fresh at each scrape', async () => {
    const auditor = await app.as('auditor');
    await expect
      .poll(async () =>
        (await auditor.get('/api/projections')).body.every(
          (row: { lagEvents: number }) => row.lagEvents === 0,
        ),
      )
      .toBe(true);
    const rows = (await auditor.get('/api/projections')).body as { name: string; status: string }[];
    const { metrics } = await scrape();
    const head = await app.headPosition();
    expect(rows.length).toBeGreaterThan(0);
    for (const { name, status } of rows) {
      const projection = { projection: name };
      expect(sampleValue(metrics, 'ledger_projection_position', projection), name).toBe(head);
      expect(sampleValue(metrics, 'ledger_projection_lag_events', projection), name).toBe(0);
      expect(sampleValue(metrics, 'ledger_projection_lag_seconds', projection), name).toBe(0);
      for (const each of ['live', 'rebuilding', 'faulted'])
        expect(
          sampleValue(metrics, 'ledger_projection_status', { ...projection, status: each }),
          `${name} ${each}`,
        ).toBe(each === status ? 1 : 0);
    }
    const reported = new Set(
      samplesNamed(metrics, 'ledger_projection_position').map((s) => s.labels.projection),
    );
    expect(reported).toEqual(new Set(rows.map((row) => row.name)));
    // This app's projector started on an empty store: each projection has applied every event once.
    expect(metrics.get('ledger_projection_events_applied_total')?.type).toBe('counter');
    for (const { name } of rows)
      expect(sampleValue(metrics, 'ledger_projection_events_applied_total', { projection: name }), name).toBe(head);
  });
});

describe('GET /metrics and the rate limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A second app in this process, with its own registry: the names do not clash.
    app = await startTestApp({
      app: { rateLimits: { perToken: { limit: 2, ttlMs: 60_000 }, perIp: { limit: 1_000, ttlMs: 60_000 } } },
    });
  });
  afterAll(() => app?.close());

  it("keeps a scraper out of a bearer token's budget", async () => {
    const scraper = await app.as('auditor', 'RS-Vertical', { sub: 'prometheus' });
    for (let i = 0; i < 5; i++)
      expect((await app.request('GET', '/metrics', { token: scraper.token })).status).toBe(200);
    expect((await scraper.get('/api/projections')).status).toBe(200);
    expect((await scraper.get('/api/projections')).status).toBe(200);
    expect((await scraper.get('/api/projections')).status).toBe(429);
    const response = await app.request<string>('GET', '/metrics', { token: scraper.token });
    expect(response.status).toBe(200);
    // The throttler's refusal (a guard) is timed like any answer.
    const metrics = parsePrometheusText(response.body);
    const refused = { method: 'GET', route: '/api/projections', status_code: '429' };
    expect(sampleValue(metrics, 'ledger_http_request_duration_seconds_count', refused)).toBe(1);
  });
});
