import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const DASHBOARD_DEV = 'http://localhost:5173';
const FOREIGN = 'https://evil.example';

describe('security headers and CORS', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ app: { corsOrigins: [DASHBOARD_DEV] } });
  });
  afterAll(() => app?.close());

  const fromOrigin = (origin: string, init: RequestInit = {}) =>
    fetch(`${app.baseUrl}/api/health`, { ...init, headers: { origin, ...init.headers } });

  it('lets the listed dashboard origin read answers', async () => {
    const response = await fromOrigin(DASHBOARD_DEV);
    expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD_DEV);
  });

  it('gives any other origin no CORS header, for reads and for preflights', async () => {
    expect((await fromOrigin(FOREIGN)).headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fromOrigin(FOREIGN, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the dashboard origin preflight for a command with its headers', async () => {
    const preflight = await fromOrigin(DASHBOARD_DEV, {
      method: 'OPTIONS',
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(DASHBOARD_DEV);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
  });

  it('sends helmet headers with every answer', async () => {
    const { headers } = await app.request('GET', '/api/health');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('serves an OpenAPI UI whose every script is a file of its own origin that loads under the policy', async () => {
    const pageUrl = `${app.baseUrl}/api/docs`;
    const page = await app.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    const html = String(page.body);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      // An inline script would be blocked by script-src 'self'.
      expect(inline?.trim()).toBe('');
      const src = /src=["']([^"']+)["']/.exec(attributes ?? '')?.[1];
      expect(src).toBeDefined();
      const url = new URL(src!, pageUrl);
      expect(url.origin).toBe(app.baseUrl);
      expect((await fetch(url)).status, url.pathname).toBe(200);
    }
    // Its inline <style> blocks and data: icons are what the policy must allow besides its own files.
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(html).toContain('<style>');
    expect(policy).toMatch(/style-src [^;]*'unsafe-inline'/);
    expect(policy).toMatch(/img-src [^;]*data:/);
    const stylesheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const href of stylesheets) expect((await fetch(new URL(href, pageUrl))).status).toBe(200);
  });
});
