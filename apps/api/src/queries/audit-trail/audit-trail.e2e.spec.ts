import { parse } from 'csv-parse/sync';
import type { EventStore } from '@ledger/event-store';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, SQL_POOL } from '../../store/store.tokens.js';
import {
  type Actors,
  actors,
  confirmedOrder,
  item,
  onboard,
  seedVerticalDemo,
  USER_297,
  VERTICAL_DEMO,
} from '../../testing/seed-fixtures.js';
import { type Caller, startTestApp, type TestApp } from '../../testing/test-app.js';

const A = VERTICAL_DEMO.customerId;
const A2 = 'C000000151';
const EAST = 'C000000200';
const B = 'C000000900';
const BASIC = 'Basic User With VM';
const REASON = 'He said "no, not now",\nthen withdrew';
const FORMULAS = ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)'];
const ITEM_FIELDS = [
  'actor',
  'customerId',
  'extension',
  'hash',
  'occurredAt',
  'orderNo',
  'position',
  'role',
  'streamId',
  'summary',
  'type',
];

interface Item {
  position: number;
  streamId: string;
  type: string;
  occurredAt: string;
  actor: string | null;
  role: string | null;
  customerId: string | null;
  orderNo: string | null;
  extension: number | null;
  summary: string;
  hash: string;
}

describe('the audit trail: GET /api/audit, /api/audit.csv, /api/audit/{position}, /api/audit/verify', () => {
  let app: TestApp;
  let pool: Pool;
  let a: Actors;
  let b: Actors;
  let auditor: Caller;
  let bAuditor: Caller;
  let rejectedOrder = '';
  let confirmedOrderNo = '';

  /** Every page of `GET /api/audit?query`, fresh as of the store's head. */
  const all = async (caller: Caller, query = '', limit = 1000): Promise<Item[]> => {
    const items: Item[] = [];
    const head = await app.headPosition();
    for (let cursor: string | null = ''; cursor !== null;) {
      const response = await caller.get(
        `/api/audit?limit=${limit}&minPosition=${head}${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      items.push(...(response.body.items as Item[]));
      cursor = response.body.nextCursor as string | null;
    }
    return items;
  };
  const positions = (items: readonly Item[]) => items.map((i) => i.position);
  const count = async (where: string, params: unknown[] = []) =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM read_models.audit_log WHERE ${where}`,
        params,
      )
    ).rows[0]?.n;

  beforeAll(async () => {
    app = await startTestApp();
    pool = app.app.get<symbol, Pool>(SQL_POOL);
    a = await seedVerticalDemo(app, 3);
    confirmedOrderNo = (await confirmedOrder(a, A, [item(BASIC, 1)])).orderNo;
    expect(
      (await a.admin.post('/api/customers', { ...VERTICAL_DEMO, customerId: A2, name: 'Second Demo' }))
        .status,
    ).toBe(201);
    await confirmedOrder(a, A2, [item(BASIC, FORMULAS.length)]);
    for (const [index, name] of FORMULAS.entries())
      expect(
        (await a.admin.post(`/api/customers/${A2}/users`, { ...USER_297, extension: 200 + index, name }))
          .status,
      ).toBe(201);
    const placed = await a.admin.post('/api/orders', {
      customerId: A2,
      title: 'To reject',
      type: 'Change',
      changeDate: '2023-10-24',
      items: [item(BASIC, 1)],
    });
    rejectedOrder = placed.body.orderNo;
    await a.admin.post(`/api/orders/${rejectedOrder}/submit`);
    expect((await a.approver.post(`/api/orders/${rejectedOrder}/reject`, { reason: REASON })).status).toBe(
      200,
    );
    const evil = await app.as('reseller-admin', 'RS-Vertical', { sub: '@evil' });
    expect(
      (
        await evil.post('/api/orders', {
          customerId: A2,
          title: 'By @evil',
          type: 'Change',
          changeDate: '2023-10-24',
          items: [item(BASIC, 1)],
        })
      ).status,
    ).toBe(201);

    expect(
      (await a.admin.post('/api/resellers', { resellerId: 'RS-Vertical-East', name: 'Vertical East' }))
        .status,
    ).toBe(201);
    expect(
      (
        await a.admin.post('/api/customers', {
          ...VERTICAL_DEMO,
          customerId: EAST,
          name: 'East Demo',
          resellerId: 'RS-Vertical-East',
        })
      ).status,
    ).toBe(201);
    const east = await actors(app, 'RS-Vertical-East', EAST);
    await confirmedOrder(east, EAST, [item(BASIC, 1)]);

    await onboard(app, 'RS-Other', { catalog: false });
    b = await actors(app, 'RS-Other', B);
    expect(
      (
        await b.admin.post('/api/customers', {
          ...VERTICAL_DEMO,
          customerId: B,
          name: 'Other Demo',
          resellerId: 'RS-Other',
        })
      ).status,
    ).toBe(201);
    await confirmedOrder(b, B, [item(BASIC, 2)]);
    expect((await b.manager.post(`/api/customers/${B}/users`, USER_297)).status).toBe(201);

    auditor = await app.as('auditor', 'RS-Vertical');
    bAuditor = await app.as('auditor', 'RS-Other');
  });
  afterAll(() => app?.close());

  describe('GET /api/audit', () => {
    it("lists the rows of the caller's customers and child resellers, newest first, with the fields of API.md", async () => {
      const items = await all(auditor);
      expect(items.length).toBe(
        await count(
          "customer_id = ANY($1) AND stream_id NOT IN ('catalog', 'order-numbers') OR stream_id = 'reseller-RS-Vertical-East'",
          [[A, A2, EAST]],
        ),
      );
      for (const entry of items) expect(Object.keys(entry).sort()).toEqual(ITEM_FIELDS);
      expect(positions(items)).toEqual([...positions(items)].sort((x, y) => y - x));
      expect(items.every((i) => /^[0-9a-f]{64}$/.test(i.hash))).toBe(true);
      expect(new Set(items.map((i) => i.customerId))).toEqual(new Set([A, A2, EAST, null]));
      expect(items.find((i) => i.customerId === A && i.type === 'UserAdded')).toMatchObject({
        customerId: A,
        extension: 297,
        actor: 'customer-manager@RS-Vertical',
        role: 'customer-manager',
        summary: expect.stringContaining('9240 Demo (297)'),
      });
    });

    it('filters by customerId, extension, orderNo, actor and role', async () => {
      const ofA2 = await all(auditor, `&customerId=${A2}`);
      expect(ofA2.length).toBe(await count("customer_id = $1 AND stream_id <> 'order-numbers'", [A2]));
      expect(ofA2.every((i) => i.customerId === A2)).toBe(true);

      const user = await all(auditor, `&customerId=${A}&extension=297`);
      expect(user.map((i) => i.type)).toEqual(['UserAdded']);

      const order = await all(auditor, `&orderNo=${rejectedOrder}`);
      expect(order.map((i) => i.type).sort()).toEqual([
        'LicenseOrdered',
        'OrderNumberClaimed',
        'OrderPlaced',
        'OrderRejected',
        'OrderSubmitted',
      ]);

      const evil = await all(auditor, '&actor=%40evil');
      expect(evil.length).toBeGreaterThan(0);
      expect(evil.every((i) => i.actor === '@evil')).toBe(true);

      const approvers = await all(auditor, '&role=approver');
      expect(new Set(approvers.map((i) => i.type))).toEqual(new Set(['OrderApproved', 'OrderRejected']));
      expect(approvers.every((i) => i.role === 'approver')).toBe(true);
    });

    it('filters by one type or several (repeated)', async () => {
      const rejected = await all(auditor, '&type=OrderRejected');
      expect(rejected.map((i) => i.orderNo)).toEqual([rejectedOrder]);
      const both = await all(auditor, '&type=OrderRejected&type=OrderFinalConfirmed');
      expect(new Set(both.map((i) => i.type))).toEqual(new Set(['OrderRejected', 'OrderFinalConfirmed']));
      expect(both.length).toBe(rejected.length + (await all(auditor, '&type=OrderFinalConfirmed')).length);
      expect(positions(both)).toEqual([...positions(both)].sort((x, y) => y - x));
      expect(await all(auditor, '&type=OrderRejected&type=OrderRejected')).toEqual(rejected);
      const asc = await all(auditor, '&type=OrderRejected&type=OrderFinalConfirmed&order=asc', 2);
      expect(positions(asc)).toEqual(positions(both).reverse());
    });

    it('filters by time: from inclusive, to exclusive', async () => {
      const everything = await all(auditor);
      const middle = everything[Math.floor(everything.length / 2)]!;
      const from = await all(auditor, `&from=${encodeURIComponent(middle.occurredAt)}`);
      const to = await all(auditor, `&to=${encodeURIComponent(middle.occurredAt)}`);
      expect(positions(from)).toContain(middle.position);
      expect(positions(to)).not.toContain(middle.position);
      expect(from.every((i) => i.occurredAt >= middle.occurredAt)).toBe(true);
      expect(to.every((i) => i.occurredAt < middle.occurredAt)).toBe(true);
      expect(from.length + to.length).toBe(everything.length);
      // Both ways and page by page: a small window is read through its index and sorted.
      const window = `&from=${encodeURIComponent(to.at(-1)!.occurredAt)}&to=${encodeURIComponent(middle.occurredAt)}`;
      const inWindow = everything.filter(
        (i) => i.occurredAt >= to.at(-1)!.occurredAt && i.occurredAt < middle.occurredAt,
      );
      expect(await all(auditor, window, 3)).toEqual(inWindow);
      expect(await all(auditor, `${window}&order=asc`, 3)).toEqual([...inWindow].reverse());
      const day = middle.occurredAt.slice(0, 10);
      expect(await all(auditor, `&from=${day}`)).toEqual(
        everything.filter((i) => i.occurredAt >= `${day}T00:00:00.000Z`),
      );
    });

    it('finds free text in the summary (any case) or the actor, or an order number; % and _ are literal', async () => {
      const withdrew = await all(auditor, '&q=WITHDREW');
      expect(withdrew.map((i) => i.type)).toEqual(['OrderRejected']);
      expect(withdrew[0]?.summary).toContain(REASON);
      const evil = await all(auditor, '&q=EVIL');
      expect(evil.every((i) => i.actor === '@evil' || /evil/i.test(i.summary))).toBe(true);
      expect(evil.filter((i) => i.actor === '@evil').length).toBe(
        (await all(auditor, '&actor=%40evil')).length,
      );
      expect(new Set((await all(auditor, `&q=${rejectedOrder}`)).map((i) => i.orderNo))).toEqual(
        new Set([rejectedOrder]),
      );
      expect(await all(auditor, '&q=%25')).toEqual([]);
      expect(await all(auditor, '&q=_')).toEqual([]);
    });

    it('orders ascending on request, the same rows', async () => {
      const desc = await all(auditor);
      const asc = await all(auditor, '&order=asc');
      expect(positions(asc)).toEqual(positions(desc).reverse());
    });

    it('pages by cursor to exactly the rows of one read, both ways', async () => {
      for (const order of ['desc', 'asc']) {
        const whole = await all(auditor, `&order=${order}`);
        expect(await all(auditor, `&order=${order}`, 7)).toEqual(whole);
      }
    });

    it('keeps its pages stable while new events arrive', async () => {
      const head = await app.headPosition();
      const before = await all(auditor, `&customerId=${A}`);
      const first = await auditor.get(`/api/audit?customerId=${A}&limit=5&minPosition=${head}`);
      const ascFirst = await auditor.get(`/api/audit?customerId=${A}&limit=5&order=asc&minPosition=${head}`);
      await confirmedOrder(a, A, [item(BASIC, 1)]);
      const now = await app.headPosition();
      const second = await auditor.get(
        `/api/audit?customerId=${A}&limit=5&cursor=${first.body.nextCursor}&minPosition=${now}`,
      );
      expect(positions([...first.body.items, ...second.body.items])).toEqual(positions(before.slice(0, 10)));
      let asc: Item[] = ascFirst.body.items;
      for (let cursor = ascFirst.body.nextCursor; cursor;) {
        const page = await auditor.get(
          `/api/audit?customerId=${A}&limit=5&order=asc&cursor=${cursor}&minPosition=${now}`,
        );
        asc = [...asc, ...page.body.items];
        cursor = page.body.nextCursor;
      }
      const after = await all(auditor, `&customerId=${A}`);
      expect(positions(asc)).toEqual(positions(after).reverse());
      expect(after.length).toBeGreaterThan(before.length);
      expect(positions(after).slice(after.length - before.length)).toEqual(positions(before));
    });

    it.each([
      ['customerId=not%20an%20id', 'customerId'],
      ['extension=x', 'extension'],
      ['extension=-1', 'extension'],
      ['orderNo=12ab', 'orderNo'],
      ['actor=', 'actor'],
      ['role=king', 'role'],
      ['type=OrderShipped', 'type'],
      ['type=OrderApproved&type=Nope', 'type'],
      ['from=yesterday', 'from'],
      ['from=2023-02-30', 'from'],
      ['to=2023-10-24T25:00:00Z', 'to'],
      ['from=2024-01-02&to=2024-01-01', 'to'],
      ['from=2024-01-01&to=2024-01-01', 'to'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['order=up', 'order'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['cursor=x', 'cursor'],
      ['customer=C000000150', 'customer'],
    ])('answers ?%s with a 400 naming %s', async (query, field) => {
      const response = await auditor.get(`/api/audit?${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });
  });

  describe('scope', () => {
    it("never shows another tenant's rows, the shared streams, nor the caller's own registration by its parent", async () => {
      const items = await all(auditor);
      expect(
        await count("stream_id IN ('catalog', 'order-numbers', 'reseller-RS-Vertical', 'reseller-RS-Other')"),
      ).toBeGreaterThan(0);
      const streams = new Set(items.map((i) => i.streamId));
      for (const hidden of [
        'catalog',
        'order-numbers',
        'reseller-RS-Vertical',
        'reseller-RS-Other',
        `customer-${B}`,
      ])
        expect(streams).not.toContain(hidden);
      expect(streams).toContain('reseller-RS-Vertical-East');
      expect(JSON.stringify(items)).not.toContain('RS-Other');
    });

    it("gives reseller B's tokens nothing of A: none of its rows, a 404 for its customer, empty for its order and actor", async () => {
      const items = await all(bAuditor);
      expect(items.length).toBe(await count("customer_id = $1 AND stream_id <> 'order-numbers'", [B]));
      expect(JSON.stringify(items)).not.toMatch(/C000000150|C000000151|C000000200|RS-Vertical/);
      const [foreign, missing] = [
        await bAuditor.get(`/api/audit?customerId=${A}`),
        await bAuditor.get('/api/audit?customerId=C000000999'),
      ];
      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, detail: foreign.body.detail.replace(A, 'C000000999') }).toEqual(missing.body);
      expect(await all(bAuditor, `&orderNo=${rejectedOrder}`)).toEqual([]);
      expect(await all(bAuditor, '&actor=%40evil')).toEqual([]);
      expect((await b.admin.get(`/api/audit.csv?customerId=${A}`)).status).toBe(404);
    });

    it('shows a customer manager its own customer only, and a child reseller only its own tree', async () => {
      const manager = await all(a.manager);
      expect(new Set(manager.map((i) => i.customerId))).toEqual(new Set([A]));
      expect((await a.manager.get(`/api/audit?customerId=${A2}`)).status).toBe(404);
      const eastAuditor = await app.as('auditor', 'RS-Vertical-East');
      const east = await all(eastAuditor);
      expect(new Set(east.map((i) => i.customerId))).toEqual(new Set([EAST]));
      expect(east.map((i) => i.streamId)).not.toContain('reseller-RS-Vertical-East');
    });

    it('serves every tenant role and refuses the operator on every audit route', async () => {
      for (const role of ['reseller-admin', 'approver', 'billing-analyst'] as const)
        expect((await (await app.as(role, 'RS-Vertical')).get('/api/audit')).status, role).toBe(200);
      const operator = await app.as('operator');
      for (const path of ['/api/audit', '/api/audit.csv', '/api/audit/verify', '/api/audit/1']) {
        const refused = await operator.get(path);
        expect(refused.status, path).toBe(403);
        expect(refused.body.type).toBe('/api/problems/forbidden');
      }
    });
  });

  describe('GET /api/audit.csv', () => {
    const csvOf = async (caller: Caller, query = '') => {
      const response = await caller.get(`/api/audit.csv?minPosition=${await app.headPosition()}${query}`);
      expect(response.status, String(response.body)).toBe(200);
      return {
        response,
        text: response.body as string,
        records: parse(response.body as string, { columns: true }) as Record<string, string>[],
      };
    };
    const asCells = (i: Item) =>
      Object.fromEntries(
        ITEM_FIELDS.map((key) => [key, i[key as keyof Item] === null ? '' : String(i[key as keyof Item])]),
      );
    const escaped = (cell: string) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell);

    it('streams every matching row as RFC 4180 CSV with a header, in the order of the list', async () => {
      const { response, text, records } = await csvOf(auditor);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit.csv"');
      expect(text.split('\r\n')[0]).toBe(
        'position,streamId,type,occurredAt,actor,role,customerId,orderNo,extension,summary,hash',
      );
      expect(text.endsWith('\r\n')).toBe(true);
      const items = await all(auditor);
      expect(records).toEqual(
        items
          .map(asCells)
          .map((cells) => ({ ...cells, actor: escaped(cells.actor!), summary: escaped(cells.summary!) })),
      );
    });

    it('takes the same filters as the list, ascending too', async () => {
      const query = `&customerId=${A2}&type=UserAdded&type=OrderRejected&order=asc`;
      const { records } = await csvOf(auditor, query);
      expect(records.map((r) => Number(r.position))).toEqual(positions(await all(auditor, query)));
      expect(records.length).toBe(FORMULAS.length + 1);
    });

    it('quotes a summary with quotes, a comma and a line break, and reads back exactly', async () => {
      const { text, records } = await csvOf(auditor, '&type=OrderRejected');
      expect(text).toContain(`"Order ${rejectedOrder} rejected: He said ""no, not now"",\nthen withdrew"`);
      expect(records[0]?.summary).toBe(`Order ${rejectedOrder} rejected: ${REASON}`);
    });

    it('puts an apostrophe before a cell starting with = + - or @ so no spreadsheet runs it (CSV injection)', async () => {
      const { records } = await csvOf(auditor, `&customerId=${A2}&type=UserAdded&order=asc`);
      expect(records.map((r) => r.summary)).toEqual(
        FORMULAS.map((name, index) => `'${name} (${200 + index}) added on ${BASIC}`),
      );
      const { records: evil } = await csvOf(auditor, '&actor=%40evil');
      expect(new Set(evil.map((r) => r.actor))).toEqual(new Set(["'@evil"]));
    });

    it('answers a bad filter with a 400 problem, not a file; paging parameters are not its own', async () => {
      for (const [query, field] of [
        ['type=Nope', 'type'],
        ['limit=5', 'limit'],
        ['cursor=x', 'cursor'],
      ]) {
        const response = await auditor.get(`/api/audit.csv?${query}`);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    });
  });

  describe('GET /api/audit/{position}', () => {
    it("adds the event's data and metadata, with its correlation and causation ids, as the store recorded them", async () => {
      const [confirmed] = await all(auditor, `&orderNo=${confirmedOrderNo}&type=OrderFinalConfirmed`);
      const response = await auditor.get(`/api/audit/${confirmed!.position}`);
      expect(response.status).toBe(200);
      const { data, metadata, ...row } = response.body;
      expect(row).toEqual(confirmed);
      const [recorded] = await app.app
        .get<symbol, EventStore>(EVENT_STORE)
        .readAll({ after: confirmed!.position - 1, maxCount: 1 });
      expect({ data, metadata }).toEqual({ data: recorded?.data, metadata: recorded?.metadata });
      expect(data.orderNo).toBe(confirmedOrderNo);
      expect(Object.keys(metadata)).toEqual(
        expect.arrayContaining(['actor', 'role', 'occurredAt', 'correlationId', 'causationId']),
      );
    });

    it("answers another tenant's row exactly as a missing one, and a position that is no position with a 400", async () => {
      const [ofA] = await all(auditor);
      const [foreign, missing] = [
        await bAuditor.get(`/api/audit/${ofA!.position}`),
        await bAuditor.get('/api/audit/999999'),
      ];
      expect(foreign.status).toBe(404);
      expect({
        ...foreign.body,
        detail: foreign.body.detail.replace(String(ofA!.position), '999999'),
      }).toEqual(missing.body);
      const catalogRow = (
        await pool.query<{ position: string }>(
          "SELECT position FROM read_models.audit_log WHERE stream_id = 'catalog' LIMIT 1",
        )
      ).rows[0]!;
      expect((await auditor.get(`/api/audit/${catalogRow.position}`)).status).toBe(404);
      for (const bad of ['0', 'abc', '-1', '1.5', '9'.repeat(16)]) {
        const response = await auditor.get(`/api/audit/${bad}`);
        expect(response.status, bad).toBe(400);
        expect(response.body.errors[0].field).toBe('position');
      }
    });
  });

  describe('GET /api/audit/verify', () => {
    const verify = async (caller: Caller) => {
      const response = await caller.get(`/api/audit/verify?minPosition=${await app.headPosition()}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body as {
        ok: boolean;
        checked: number;
        firstBroken: { position: number; streamId: string } | null;
      };
    };
    /** A row of `stream` that has rows after it, with the position of the next one. */
    const middleOf = async (stream: string) => {
      const rows = (
        await pool.query<{ position: string }>(
          'SELECT position FROM read_models.audit_log WHERE stream_id = $1 ORDER BY position',
          [stream],
        )
      ).rows;
      expect(rows.length).toBeGreaterThan(2);
      return { position: Number(rows[1]!.position), next: Number(rows[2]!.position) };
    };
    const saved = async (position: number) =>
      (await pool.query('SELECT * FROM read_models.audit_log WHERE position = $1', [position]))
        .rows[0] as Record<string, unknown>;
    const restore = async (row: Record<string, unknown>) => {
      const columns = Object.keys(row);
      await pool.query(`DELETE FROM read_models.audit_log WHERE position = $1`, [row.position]);
      await pool.query(
        `INSERT INTO read_models.audit_log (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => row[c]),
      );
    };

    it('finds every chain in scope intact, counting only the rows in scope', async () => {
      const mine = await verify(auditor);
      expect(mine).toEqual({ ok: true, checked: (await all(auditor)).length, firstBroken: null });
      expect(await verify(bAuditor)).toEqual({
        ok: true,
        checked: (await all(bAuditor)).length,
        firstBroken: null,
      });
      expect((await verify(a.manager)).checked).toBe((await all(a.manager)).length);
    });

    it('names a row a superuser edited in place, and only in the scope that holds it', async () => {
      const { position } = await middleOf(`customer-${A}`);
      const original = await saved(position);
      await pool.query(
        `UPDATE read_models.audit_log SET data = jsonb_set(data, '{title}', '"Edited"') WHERE position = $1`,
        [position],
      );
      try {
        const broken = await verify(auditor);
        expect(broken).toMatchObject({ ok: false, firstBroken: { position, streamId: `customer-${A}` } });
        expect(broken.checked).toBe((await all(auditor)).length);
        expect((await verify(a.manager)).firstBroken).toEqual({ position, streamId: `customer-${A}` });
        expect((await verify(bAuditor)).ok).toBe(true);
      } finally {
        await restore(original);
      }
      expect((await verify(auditor)).ok).toBe(true);
    });

    it('names the row after one a superuser deleted', async () => {
      const { position, next } = await middleOf(`customer-${A2}`);
      const original = await saved(position);
      await pool.query('DELETE FROM read_models.audit_log WHERE position = $1', [position]);
      try {
        expect(await verify(auditor)).toMatchObject({
          ok: false,
          firstBroken: { position: next, streamId: `customer-${A2}` },
        });
      } finally {
        await restore(original);
      }
      expect((await verify(auditor)).ok).toBe(true);
    });

    it("catches a row moved into another tenant's trail (its reseller_id edited) in both tenants' checks", async () => {
      const { position, next } = await middleOf(`customer-${A}`);
      const original = await saved(position);
      await pool.query('UPDATE read_models.audit_log SET reseller_id = $2 WHERE position = $1', [
        position,
        'RS-Other',
      ]);
      try {
        expect(positions(await all(bAuditor))).toContain(position);
        expect((await verify(bAuditor)).firstBroken).toEqual({ position, streamId: `customer-${A}` });
        expect((await verify(auditor)).firstBroken).toEqual({ position: next, streamId: `customer-${A}` });
      } finally {
        await restore(original);
      }
    });

    it('names a row whose customer_id was edited within the same tenant', async () => {
      const { position } = await middleOf(`customer-${A}`);
      const original = await saved(position);
      await pool.query('UPDATE read_models.audit_log SET customer_id = $2 WHERE position = $1', [
        position,
        A2,
      ]);
      try {
        expect((await verify(auditor)).firstBroken).toEqual({ position, streamId: `customer-${A}` });
      } finally {
        await restore(original);
      }
    });

    it('names a row whose hash or time was rewritten', async () => {
      const { position } = await middleOf(`customer-${A2}`);
      const original = await saved(position);
      await pool.query("UPDATE read_models.audit_log SET hash = repeat('0', 64) WHERE position = $1", [
        position,
      ]);
      expect((await verify(auditor)).firstBroken).toEqual({ position, streamId: `customer-${A2}` });
      await restore(original);
      await pool.query(
        "UPDATE read_models.audit_log SET occurred_at = occurred_at - interval '1 day' WHERE position = $1",
        [position],
      );
      expect((await verify(auditor)).firstBroken).toEqual({ position, streamId: `customer-${A2}` });
      await restore(original);
      expect((await verify(auditor)).ok).toBe(true);
    });
  });
});
