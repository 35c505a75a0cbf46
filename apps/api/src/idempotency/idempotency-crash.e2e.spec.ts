import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { customerStream, invoiceStream, ORDER_NUMBERS_STREAM, orderNumberStream } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE } from '../store/store.tokens.js';
import { type Actors, item, seedVerticalDemo, VERTICAL_DEMO } from '../testing/seed-fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const API_DIR = fileURLToPath(new URL('../../', import.meta.url));
const C = VERTICAL_DEMO.customerId;
const TAKEOVER_SECONDS = 1;

/** The API as a child process that SIGKILLs itself right after committing an append to a stream the regular expression `streams` matches. */
async function crashingApi(
  databaseUrl: string,
  streams: string,
): Promise<{ baseUrl: string; child: ChildProcess }> {
  const loader = ['--conditions=@ledger/source', '--import', '@swc-node/register/esm-register'];
  const child = spawn(process.execPath, [...loader, 'src/testing/crash-after-append.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CRASH_AFTER_APPEND_TO: streams,
      NODE_OPTIONS: '',
      SWC_NODE_PROJECT: './tsconfig.json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`the API exited (${code ?? signal}) before it listened:\n${output}`)),
    );
  });
  return { baseUrl: `http://127.0.0.1:${port}`, child };
}

const send = (baseUrl: string, token: string, path: string, body: unknown, key: string) =>
  fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });

describe('Idempotency-Key when the process dies between the append and the response (SIGKILL, real PostgreSQL)', () => {
  let database: TestDatabase;
  let app: TestApp;
  let who: Actors;
  let store: EventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp({ database, idempotencyTakeoverSeconds: TAKEOVER_SECONDS });
    store = app.app.get<symbol, EventStore>(EVENT_STORE);
    who = await seedVerticalDemo(app, 3);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Sends the request to an API that dies after appending to a stream `streams` matches; returns the head right after the crash. */
  async function crashDuring(streams: string, path: string, body: unknown, key: string): Promise<number> {
    const api = await crashingApi(database.url, streams);
    const exited = once(api.child, 'exit');
    await expect(send(api.baseUrl, who.admin.token, path, body, key)).rejects.toThrow();
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    // The claim of the dead request stays "in progress" until the takeover window has passed.
    await sleep(TAKEOVER_SECONDS * 1000 + 200);
    return store.headPosition();
  }

  const order = (title: string) => ({
    customerId: C,
    title,
    type: 'Change',
    changeDate: '2023-10-24',
    items: [item('Stand Alone VM', 1)],
  });

  it('a placed order recorded before the crash: the retry answers with that order and records nothing more', async () => {
    const head = await store.headPosition();
    const afterCrash = await crashDuring(
      customerStream(C),
      '/api/orders',
      order('Crash after placing'),
      'crash-place',
    );
    // The dead process's block of numbers, its claim of one, OrderPlaced and its LicenseOrdered were committed.
    expect(afterCrash).toBe(head + 4);
    const placed = (await store.readAll({ after: head })).find((event) => event.type === 'OrderPlaced');

    const retry = await send(
      app.baseUrl,
      who.admin.token,
      '/api/orders',
      order('Crash after placing'),
      'crash-place',
    );
    const firstBytes = await retry.text();
    expect(retry.status).toBe(201);
    expect(JSON.parse(firstBytes)).toMatchObject({
      orderNo: placed?.data.orderNo,
      status: 'Temporary',
      customerId: C,
      position: afterCrash,
    });
    expect(await store.headPosition()).toBe(afterCrash);

    const replay = await send(
      app.baseUrl,
      who.admin.token,
      '/api/orders',
      order('Crash after placing'),
      'crash-place',
    );
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(firstBytes);
    expect(await store.headPosition()).toBe(afterCrash);
  });

  it('only the order number claimed before the crash: the retry places the order with that number, once', async () => {
    const head = await store.headPosition();
    const afterCrash = await crashDuring(
      orderNumberStream(String.raw`\d+`),
      '/api/orders',
      order('Crash after numbering'),
      'crash-number',
    );
    // The dead process's block of numbers and its claim of one.
    expect(afterCrash).toBe(head + 2);
    const claimed = (await store.readAll({ after: head })).find(
      (event) => event.type === 'OrderNumberClaimed',
    );

    const retry = await send(
      app.baseUrl,
      who.admin.token,
      '/api/orders',
      order('Crash after numbering'),
      'crash-number',
    );
    expect(retry.status).toBe(201);
    expect((await retry.json()) as unknown).toMatchObject({ orderNo: claimed?.data.orderNo });
    // OrderPlaced and LicenseOrdered only: no second order number.
    expect(await store.headPosition()).toBe(afterCrash + 2);
  });

  it('only a block of numbers reserved before the crash: the retry places the order with a number of another block', async () => {
    const head = await store.headPosition();
    const afterCrash = await crashDuring(
      ORDER_NUMBERS_STREAM,
      '/api/orders',
      order('Crash after reserving'),
      'crash-block',
    );
    expect(afterCrash).toBe(head + 1);
    const [reserved] = await store.readAll({ after: head });
    expect(reserved?.type).toBe('OrderNumbersReserved');
    const { first, count } = reserved!.data as { first: number; count: number };

    const retry = await send(
      app.baseUrl,
      who.admin.token,
      '/api/orders',
      order('Crash after reserving'),
      'crash-block',
    );
    expect(retry.status).toBe(201);
    const orderNo = Number(((await retry.json()) as { orderNo: string }).orderNo);
    // The dead process's block is never handed out: a gap in the order numbers, never a number given twice.
    expect(orderNo < first || orderNo >= first + count).toBe(true);
    expect(await store.headPosition()).toBe(afterCrash + 3);
  });

  it('a submit recorded before the crash: the retry answers 200 Submitted, not 409, and records nothing more', async () => {
    const placed = await who.admin.post('/api/orders', order('Submit then crash'));
    const path = `/api/orders/${placed.body.orderNo}/submit`;
    const afterCrash = await crashDuring(customerStream(C), path, {}, 'crash-submit');
    const retry = await send(app.baseUrl, who.admin.token, path, {}, 'crash-submit');
    expect(retry.status).toBe(200);
    expect((await retry.json()) as unknown).toMatchObject({
      orderNo: placed.body.orderNo,
      status: 'Submitted',
      position: afterCrash,
    });
    expect(await store.headPosition()).toBe(afterCrash);
  });

  it('an invoice imported before the crash: the retry answers with that import, under its id, and records nothing more', async () => {
    const upload = (baseUrl: string) => {
      const form = new FormData();
      const csv = `customerId,package,quantity,period,amount\n${C},Basic User With VM,1,2023-10,20\n`;
      form.append('file', new Blob([csv]), 'crash.csv');
      const headers = { authorization: `Bearer ${who.admin.token}`, 'idempotency-key': 'crash-invoice' };
      return fetch(`${baseUrl}/api/invoices`, { method: 'POST', headers, body: form });
    };
    const head = await store.headPosition();
    const api = await crashingApi(database.url, invoiceStream('.+'));
    const exited = once(api.child, 'exit');
    await expect(upload(api.baseUrl)).rejects.toThrow();
    expect((await exited)[1]).toBe('SIGKILL');
    await sleep(TAKEOVER_SECONDS * 1000 + 200);
    const [imported, ...more] = await store.readAll({ after: head });
    expect(more).toEqual([]);

    const retry = await upload(app.baseUrl);
    expect(retry.status).toBe(201);
    expect((await retry.json()) as unknown).toEqual({
      invoiceId: imported?.data.invoiceId,
      lines: 1,
      position: imported?.position,
    });
    expect(await store.headPosition()).toBe(imported?.position);
  });
});
