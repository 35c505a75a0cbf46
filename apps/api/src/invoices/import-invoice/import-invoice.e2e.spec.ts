import { invoiceStream } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE } from '../../store/store.tokens.js';
import { csvOf, INVOICE_HEADER, uploadInvoice, xlsxOf } from '../../testing/invoice-upload.js';
import { actors, onboard, seedVerticalDemo, VERTICAL_DEMO } from '../../testing/seed-fixtures.js';
import { type Caller, startTestApp, type TestApp } from '../../testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const OTHER = 'C000000900';
const BASIC = 'Basic User With VM';
const PREMIUM = 'Premium iPECS ONE USER';

/**
 * Every kind of bad line, the same in both formats: line 2 is blank (skipped, still counted), and
 * each later line breaks the rules named beside it.
 */
const BAD_LINES: unknown[][] = [
  INVOICE_HEADER,
  [],
  [C, BASIC, 1, '2023-10', 20],
  ['', BASIC, '', '2023-10', 20], // required customerId, required quantity
  ['C 150', 'Gold User', '1.5', '2023-13', 'abc'], // format, unknown-package, integer, format, decimal
  [OTHER, PREMIUM, '-1', '10/2023', '-5'], // unknown-customer, min, format, min
  [C, PREMIUM, 2_000_000, '2023-11', '100000000000'], // max, max
  [C, BASIC, 1, '2023-10', 20], // duplicate-line of line 3
  [C, PREMIUM, 1, '2023-12', 30, 'extra'], // field-count
];
const BAD_CELLS = [
  [4, 'customerId', 'required'],
  [4, 'quantity', 'required'],
  [5, 'customerId', 'format'],
  [5, 'package', 'unknown-package'],
  [5, 'quantity', 'integer'],
  [5, 'period', 'format'],
  [5, 'amount', 'decimal'],
  [6, 'customerId', 'unknown-customer'],
  [6, 'quantity', 'min'],
  [6, 'period', 'format'],
  [6, 'amount', 'min'],
  [7, 'quantity', 'max'],
  [7, 'amount', 'max'],
  [8, null, 'duplicate-line'],
  [9, null, 'field-count'],
];
const cellsOf = (errors: { line: number; column: string | null; rule: string }[]) =>
  errors.map((e) => [e.line, e.column, e.rule]);

describe('POST /api/invoices', () => {
  let app: TestApp;
  let analyst: Caller;
  let admin: Caller;

  beforeAll(async () => {
    app = await startTestApp();
    ({ admin } = await seedVerticalDemo(app));
    analyst = await app.as('billing-analyst');
    await onboard(app, 'RS-Other', { catalog: false });
    const other = await actors(app, 'RS-Other', OTHER);
    expect(
      (
        await other.admin.post('/api/customers', {
          ...VERTICAL_DEMO,
          customerId: OTHER,
          resellerId: 'RS-Other',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => app?.close());

  const recordedImport = (invoiceId: string) =>
    app.app.get<symbol, EventStore>(EVENT_STORE).readStream(invoiceStream(invoiceId));

  /** Uploads and expects a refusal that recorded nothing. */
  const refused = async (fileName: string, content: string | Buffer, caller: Caller = analyst) => {
    const head = await app.headPosition();
    const response = await uploadInvoice(caller, fileName, content);
    expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await app.headPosition()).toBe(head);
    return response;
  };

  it('imports a CSV invoice whole: 201 with its id, the lines imported and the position of the event', async () => {
    const response = await uploadInvoice(
      analyst,
      'october.csv',
      csvOf([INVOICE_HEADER, [C, BASIC, 1, '2023-10', '20.00'], [C, PREMIUM, 1, '2023-10', '1.935']]),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toEqual({
      invoiceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      lines: 2,
      position: await app.headPosition(),
    });
    const [recorded] = await recordedImport(response.body.invoiceId);
    expect(recorded?.position).toBe(response.body.position);
    expect(recorded?.data).toEqual({
      invoiceId: response.body.invoiceId,
      resellerId: 'RS-Vertical',
      fileName: 'october.csv',
      format: 'csv',
      lines: [
        { line: 2, customerId: C, package: BASIC, quantity: 1, period: '2023-10', amount: 20 },
        { line: 3, customerId: C, package: PREMIUM, quantity: 1, period: '2023-10', amount: 1.94 },
      ],
    });
    expect(recorded?.metadata).toMatchObject({
      actor: 'billing-analyst@RS-Vertical',
      role: 'billing-analyst',
      schemaVersion: 1,
    });
  });

  it('imports an XLSX invoice from its first sheet: typed numbers, a month Excel made a date, a formula', async () => {
    const workbook = await xlsxOf([
      INVOICE_HEADER,
      [C, BASIC, 1, new Date(Date.UTC(2023, 10, 1)), 20],
      [C, PREMIUM, { formula: '1+0', result: 1 }, '2023-11', 30.000000000000004],
    ]);
    const response = await uploadInvoice(admin, 'november.xlsx', workbook);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.lines).toBe(2);
    const [recorded] = await recordedImport(response.body.invoiceId);
    expect(recorded?.data).toMatchObject({
      format: 'xlsx',
      lines: [
        { line: 2, customerId: C, package: BASIC, quantity: 1, period: '2023-11', amount: 20 },
        { line: 3, customerId: C, package: PREMIUM, quantity: 1, period: '2023-11', amount: 30 },
      ],
    });
  });

  it('lists every bad cell of a CSV file by line and column, and imports nothing', async () => {
    const { status, body } = await refused('bad.csv', csvOf(BAD_LINES));
    expect(status).toBe(400);
    expect(body).toMatchObject({ type: '/api/problems/invalid-invoice', status: 400 });
    expect(cellsOf(body.errors)).toEqual(BAD_CELLS);
    expect(body.errors[7]).toEqual({
      line: 6,
      column: 'customerId',
      rule: 'unknown-customer',
      message: `customer ${OTHER} does not exist`,
    });
  });

  it('lists the same bad cells of the same sheet in XLSX, by sheet row', async () => {
    const { status, body } = await refused('bad.xlsx', await xlsxOf(BAD_LINES as never));
    expect(status).toBe(400);
    expect(cellsOf(body.errors)).toEqual(BAD_CELLS);
  });

  it('answers a customer of another reseller exactly as one that does not exist', async () => {
    const [foreign, missing] = [
      await refused('a.csv', csvOf([INVOICE_HEADER, [OTHER, BASIC, 1, '2023-10', 20]])),
      await refused('a.csv', csvOf([INVOICE_HEADER, ['C000000999', BASIC, 1, '2023-10', 20]])),
    ];
    expect(JSON.stringify(foreign.body).replaceAll(OTHER, 'C000000999')).toBe(JSON.stringify(missing.body));
  });

  describe.each([
    ['CSV', (rows: unknown[][]) => csvOf(rows), 'csv'],
    ['XLSX', (rows: unknown[][]) => xlsxOf(rows as never), 'xlsx'],
  ] as const)('a bad header or an empty file (%s)', (_, fileOf, extension) => {
    it.each([
      [
        'unknown, repeated and missing columns',
        [
          ['customerId', 'Package', 'quantity', 'quantity', 'period', 'amount'],
          [C, BASIC, 1, 1, '2023-10', 20],
        ],
        [
          [1, null, 'unknown-column'],
          [1, 'quantity', 'duplicate-column'],
          [1, 'package', 'missing-column'],
        ],
      ],
      ['a header and no lines', [INVOICE_HEADER], [[2, null, 'no-lines']]],
      ['an empty file', [], [[1, null, 'empty-file']]],
    ])('%s', async (_what, rows, expected) => {
      const { status, body } = await refused(`invoice.${extension}`, await fileOf(rows as unknown[][]));
      expect(status).toBe(400);
      expect(cellsOf(body.errors)).toEqual(expected);
    });
  });

  it('names the line of a CSV syntax error', async () => {
    const { status, body } = await refused(
      'broken.csv',
      `${INVOICE_HEADER.join(',')}\n${C},${BASIC},1,2023-10,20\n"${C},${BASIC},1,2023-10,20\n`,
    );
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        line: expect.any(Number),
        column: null,
        rule: 'csv-syntax',
        message: expect.stringContaining('Quote'),
      },
    ]);
  });

  it('counts the lines a quoted field spans, so later lines keep their numbers', async () => {
    const { body } = await refused(
      'multiline.csv',
      `${INVOICE_HEADER.join(',')}\r\n${C},"Basic User\r\nWith VM",1,2023-10,20\r\n${C},${BASIC},x,2023-10,20\r\n`,
    );
    expect(cellsOf(body.errors)).toEqual([
      [2, 'package', 'unknown-package'],
      [4, 'quantity', 'integer'],
    ]);
  });

  it.each([
    [
      'a CSV that is not UTF-8',
      'latin1.csv',
      Buffer.from(`${INVOICE_HEADER.join(',')}\n${C},Caf\xe9,1,2023-10,20\n`, 'latin1'),
      'encoding',
    ],
    [
      'a file named .xlsx holding CSV',
      'invoice.xlsx',
      csvOf([INVOICE_HEADER, [C, BASIC, 1, '2023-10', 20]]),
      'format',
    ],
    [
      'an old binary .xls',
      'invoice.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'format',
    ],
    ['a ZIP that is no workbook', 'invoice.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'xlsx'],
  ])('refuses %s as a 400 naming the file', async (_what, name, content, rule) => {
    const { status, body } = await refused(name, content);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'file', rule, message: expect.any(String) }]);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const { status, body } = await refused('huge.csv', 'x'.repeat(10 * 1024 * 1024 + 1));
    expect(status).toBe(413);
    expect(body.type).toBe('/api/problems/payload-too-large');
  });

  it('refuses a request without the file field, or with a field of its own', async () => {
    const json = await admin.post('/api/invoices', {});
    expect(json.status).toBe(400);
    expect(json.body.errors).toEqual([{ field: 'file', rule: 'required', message: expect.any(String) }]);
    const named = await uploadInvoice(
      analyst,
      'a.csv',
      csvOf([INVOICE_HEADER, [C, BASIC, 1, '2023-10', 20]]),
      { field: 'invoice' },
    );
    expect(named.status).toBe(400);
    const extra = await uploadInvoice(
      analyst,
      'a.csv',
      csvOf([INVOICE_HEADER, [C, BASIC, 1, '2023-10', 20]]),
      { fields: { note: 'x' } },
    );
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([expect.objectContaining({ field: 'note', rule: 'unknown-field' })]);
  });

  it('lets only a billing analyst or a reseller admin import', async () => {
    for (const role of ['auditor', 'approver', 'operator'] as const) {
      const { status, body } = await refused(
        'a.csv',
        csvOf([INVOICE_HEADER, [C, BASIC, 1, '2023-10', 20]]),
        await app.as(role),
      );
      expect(status, role).toBe(403);
      expect(body.type).toBe('/api/problems/forbidden');
    }
  });

  it('takes an Idempotency-Key: the same file again replays the first answer and records nothing; another file is a 422', async () => {
    const file = csvOf([INVOICE_HEADER, [C, BASIC, 1, '2023-12', 20]]);
    const headers = { 'idempotency-key': 'invoice-december' };
    const first = await uploadInvoice(analyst, 'december.csv', file, { headers });
    expect(first.status).toBe(201);
    const head = await app.headPosition();
    const again = await uploadInvoice(analyst, 'december.csv', file, { headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await uploadInvoice(
      analyst,
      'december.csv',
      csvOf([INVOICE_HEADER, [C, BASIC, 2, '2023-12', 40]]),
      { headers },
    );
    expect(other.status).toBe(422);
    expect(await app.headPosition()).toBe(head);
  });
});
