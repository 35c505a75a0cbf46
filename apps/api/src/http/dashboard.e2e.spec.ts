import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("license ledger");';

/** The dashboard's shareable views (API.md "Dashboard routes"). */
const ROUTES = [
  '/',
  '/fleet',
  '/customers/C1',
  '/orders?status=x',
  '/orders/123',
  '/audit',
  '/reconciliation',
];

const get = (app: TestApp, path: string, init?: RequestInit) => fetch(`${app.baseUrl}${path}`, init);

describe('the dashboard on the API port', () => {
  let folder: string;
  let app: TestApp;
  let unbuilt: TestApp;

  beforeAll(async () => {
    // dist/ inside a folder holding a file the dashboard must never serve.
    const outside = await mkdtemp(join(tmpdir(), 'ledger-dashboard-'));
    await writeFile(join(outside, 'secret.txt'), 'not for the browser');
    folder = join(outside, 'dist');
    await mkdir(join(folder, 'assets'), { recursive: true });
    await writeFile(join(folder, 'index.html'), INDEX);
    await writeFile(join(folder, 'assets', 'app.js'), SCRIPT);
    await writeFile(join(folder, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await startTestApp({ app: { dashboardDir: folder } });
    unbuilt = await startTestApp({
      database: app.database,
      app: { dashboardDir: join(folder, 'no-such-build') },
    });
  });
  afterAll(async () => {
    await unbuilt?.close();
    await app?.close();
    await rm(join(folder, '..'), { recursive: true, force: true });
  });

  it.each(ROUTES)('answers %s with index.html, revalidated on every visit', async (path) => {
    const response = await get(app, path, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves the build under a policy that lets its scripts, styles, fonts and images load', async () => {
    const policy = (await get(app, '/fleet')).headers.get('content-security-policy') ?? '';
    // Vite's build loads module scripts from its own origin; Recharts sets inline style attributes.
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/style-src [^;]*'self'[^;]*'unsafe-inline'/);
    expect(policy).toMatch(/font-src [^;]*'self'/);
    expect(policy).toMatch(/img-src [^;]*'self'[^;]*data:/);
    expect(policy).toMatch(/default-src 'self'/);
  });

  it('serves its hashed assets for a year, immutable, and its other files revalidated', async () => {
    const asset = await get(app, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe(SCRIPT);
    const icon = await get(app, '/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a file that is not in the build with a 404, never with index.html', async () => {
    for (const path of [
      '/assets/gone.js',
      '/assets/',
      '/robots.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/assets/%E0%A4%A.js',
    ]) {
      const response = await get(app, path);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      expect(body, path).not.toContain('<div id="root">');
      expect(body, path).not.toContain('not for the browser');
    }
  });

  it('leaves /api and /metrics to the API: an unknown API path stays its 404 problem document', async () => {
    const unknown = await get(app, '/api/xyz', { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await unknown.json()).toMatchObject({ type: '/api/problems/not-found', status: 404 });
    expect((await get(app, '/api')).headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await get(app, '/api/health')).status).toBe(200);
    // Express matches routes in any case: so does the dashboard, in giving them up.
    expect((await get(app, '/API/health')).headers.get('content-type')).toMatch(/^application\/json/);
    const metrics = await get(app, '/metrics', { headers: { accept: 'text/html' } });
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('answers only reads: a POST to a dashboard route is a 404', async () => {
    const response = await get(app, '/fleet', { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="root">');
  });

  it('says how to build the dashboard when it is not built, and the API still runs', async () => {
    for (const path of ['/', '/orders/123']) {
      const response = await get(unbuilt, path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await response.text(), path).toContain('npm run build');
    }
    expect((await get(unbuilt, '/api/health')).status).toBe(200);
  });
});
