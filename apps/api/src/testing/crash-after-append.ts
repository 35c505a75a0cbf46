/**
 * Test harness, run as its own process: the API on DATABASE_URL, which dies with SIGKILL the moment
 * an append to a stream whose whole name matches the regular expression CRASH_AFTER_APPEND_TO has
 * been committed, before any response is written. That is the window in which a client's retry
 * could record a command twice.
 */
import type { AddressInfo } from 'node:net';
import { PostgresEventStore } from '@ledger/event-store';
import { createApp } from '../create-app.js';
import { testSettings } from './test-app.js';

const { DATABASE_URL: url, CRASH_AFTER_APPEND_TO: target } = process.env;
if (!url || !target) throw new Error('DATABASE_URL and CRASH_AFTER_APPEND_TO are required');
const crashesAfter = new RegExp(`^(?:${target})$`);

const append = PostgresEventStore.prototype.appendToStream;
PostgresEventStore.prototype.appendToStream = async function (
  this: PostgresEventStore,
  ...args: Parameters<typeof append>
) {
  const result = await append.apply(this, args);
  if (crashesAfter.test(args[0])) process.kill(process.pid, 'SIGKILL');
  return result;
};

const app = await createApp(testSettings(url, { mode: 'external' }));
await app.listen(0, '127.0.0.1');
console.log(`crash-after-append listening on ${(app.getHttpServer().address() as AddressInfo).port}`);
