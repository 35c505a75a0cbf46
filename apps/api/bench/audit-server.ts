/**
 * The API alone, in a process of its own, on DATABASE_URL (audit.bench.ts starts it): its memory is
 * then the audit routes', not the bench's generated history's. No projector (the bench projected the
 * read models it reads), and rate limits far above the bench's request rate.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/create-app.js';
import { testSettings } from '../src/testing/test-app.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('audit-server: DATABASE_URL is required');
const unlimited = { limit: 1_000_000_000, ttlMs: 1_000 };
const app = await createApp(
  testSettings(url, { mode: 'external' }, { rateLimits: { perToken: unlimited, perIp: unlimited } }),
);
await app.listen(0, '127.0.0.1');
console.log(`audit bench server on http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
