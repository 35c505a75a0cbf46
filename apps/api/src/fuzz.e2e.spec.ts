import type { LoggerService } from '@nestjs/common';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from './auth/jwt.js';
import { PROJECTIONS } from './projections/projections.js';
import {
  confirmedOrder,
  item,
  PACKAGES,
  seedVerticalDemo,
  USER_297,
  VERTICAL_DEMO,
} from './testing/seed-fixtures.js';
import { csvOf, INVOICE_HEADER } from './testing/invoice-upload.js';
import { startTestApp, TEST_SECRET, type TestApp } from './testing/test-app.js';

/**
 * Whatever a client sends, the API answers below 500, and a refused request (>= 400) records
 * nothing: hostile bodies, path segments, query strings and headers on every endpoint, mixed with
 * real ids so that many requests get past validation into scope checks and domain rules.
 */
// FUZZ_RUNS and FUZZ_SEED let a developer run longer or replay a run; CI runs 10,000 with a new seed each time.
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const C = VERTICAL_DEMO.customerId;
const OTHER_CUSTOMER = 'C-OTHER';
const PACKAGE_NAMES = PACKAGES.map((p) => p.name);

interface FuzzRequest {
  readonly endpoint: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

interface Endpoint {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The callers allowed to call it, most of the time: the others get a 403 before anything deeper runs. */
  readonly callers: readonly Caller[];
  /** As the OpenAPI document names it. */
  readonly path: string;
  readonly params?: Record<string, fc.Arbitrary<string>>;
  readonly query?: Record<string, fc.Arbitrary<string>>;
  readonly body?: fc.Arbitrary<unknown>;
  /** A multipart/form-data upload, sent instead of a JSON body most of the time. */
  readonly upload?: fc.Arbitrary<Upload>;
}

// ---------------------------------------------------------------- hostile values

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const controlCharacter = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c));

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ude00x',
  '\ud83d\ude00',
  '\u0007',
  '\n',
  'a\r\nb',
  '\t',
  '\u0085',
  '\u202e',
  '\ufeff',
  '\u00a0',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-0',
  '0x10',
  '00',
  '-1',
  '9'.repeat(400),
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '../../etc/passwd',
  '%00',
  '%ED%A0%80',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  `${PACKAGE_NAMES[0]}\u0000`,
  ` ${PACKAGE_NAMES[1]} `,
  'Ｃ000000150',
  'C000000150\n',
  '2023-02-30',
  '2023-10-24T00:00:00Z',
  '+1',
];
const LONG_STRINGS = [
  'a'.repeat(10_000),
  'é'.repeat(3_000),
  '\u0000'.repeat(1_000),
  '\ud800'.repeat(1_000),
  '😀'.repeat(2_000),
];
const VALID_STRINGS = [
  C,
  OTHER_CUSTOMER,
  'C999',
  'RS-Vertical',
  'RS-Other',
  'User License',
  'Vertical Demo',
  'Standard Plan',
  '2023-10-24',
  'New',
  'Change',
  'jstucker@vertical.com',
  '297@cm-vertical-demo.com',
  '500001',
  '297',
  ...PACKAGE_NAMES,
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...VALID_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.oneof(fc.constantFrom('a', 'Z', '0', ' '), loneSurrogate, controlCharacter),
      maxLength: 12,
    }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_STRINGS) },
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1.005,
    1e308,
    -1e308,
    5e-324,
    2 ** 53,
    2 ** 53 + 2,
    99_999_999,
    100_000_000,
    10_000,
    -10_001,
    3650,
    3651,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '',
    '\u0000',
    'a\u0000',
    '\ud800',
    'customerId',
    'items',
    'extension',
    'package',
    'reason',
  ),
  fc.string({ maxLength: 12 }),
);

const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
}));

/** JSON that JSON.stringify cannot make: broken syntax, deep nesting, raw bytes, duplicate and prototype keys. */
const RAW_BODIES: (string | Uint8Array)[] = [
  '',
  '{',
  '{"customerId": "C000000150",',
  'null',
  '"text"',
  '42',
  'true',
  '[]',
  '[{}]',
  '{"a":1,"a":2}',
  'NaN',
  '-0',
  '{"quantity": 1e999}',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  '\ufeff{}',
  '{"a": "\\u0000"}',
  '{"a": "\\ud800"}',
  '{"\\u0000": 1}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000),
  '['.repeat(40_000) + ']'.repeat(40_000),
  '{"a": "' + 'x'.repeat(200_000) + '"}',
  '{"items": [' + '{},'.repeat(20_000) + '{}]}',
  Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x00, 0x22, 0x7d]),
  Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  'reason=x&items[0][package]=y',
  '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--xyz--\r\n',
];

/** A path segment: mostly a real one, sometimes hostile (percent-encodings a URL cannot otherwise carry included). */
const RAW_SEGMENTS = [
  '%00',
  '%ED%A0%80',
  '%C0%AE',
  '%FF',
  '%',
  '%zz',
  '%2e%2e',
  '%2F',
  '%20',
  '%E2%80%AE',
  '-1',
  '0',
  '1e3',
  '1.5',
  '0x1F',
  '9'.repeat(30),
  '__proto__',
  'constructor',
  'a'.repeat(2_000),
  'a'.repeat(20_000),
  '%F0%9F%98%80',
  'C000000150%00',
  '297%0A',
];

const encodeSegment = (value: string): string =>
  /\p{Cs}/u.test(value) ? '%ED%A0%80' : encodeURIComponent(value);

/** Mostly one of the usual values, now and then an unusual one. */
const mostly = <T>(usual: readonly T[], ...unusual: T[]): fc.Arbitrary<T> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...usual) },
    { weight: 1, arbitrary: fc.constantFrom(...unusual) },
  );

/** One of `pool` as it is when the request is generated: ids that earlier requests created join it. */
const live = (pool: readonly string[]): fc.Arbitrary<string> => fc.nat().map((i) => pool[i % pool.length]!);

const segment = (real: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: real.map(encodeSegment) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: hostileString.map(encodeSegment) },
  );

const queryValue = (...real: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...real).map(encodeURIComponent) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '%00',
        '%ED%A0%80',
        '%',
        '%zz',
        '',
        '1e308',
        '-0',
        'NaN',
        '0x10',
        '-1',
        '99999999999999999999',
      ),
    },
    { weight: 1, arbitrary: hostileString.map(encodeSegment) },
  );

const minPosition = queryValue('0', '1', '5', '40', '999999999');
const limit = queryValue('1', '2', '50', '1000', '0', '1001');

// ---------------------------------------------------------------- bodies

/** Every path inside a JSON value, so a mutation can aim at any field, nested ones included. */
const pathsOf = (value: unknown, at: (string | number)[] = []): (string | number)[][] => {
  if (value === null || typeof value !== 'object') return [at];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return [at, ...entries.flatMap(([key, child]) => pathsOf(child, [...at, key]))];
};

const setAt = (
  root: unknown,
  path: (string | number)[],
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown => {
  if (path.length === 0) return root;
  const copy = structuredClone(root);
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  change(parent, path.at(-1)!);
  return copy;
};

type Mutation =
  | { kind: 'none' }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'whole'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostileValue }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      pick: fc.nat(),
      key: hostileKey,
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: hostileValue }) },
);

const mutate = (body: unknown, change: Mutation): unknown => {
  if (change.kind === 'none') return body;
  if (change.kind === 'whole') return change.value;
  const paths = pathsOf(body);
  const path = paths[change.pick % paths.length]!;
  if (change.kind === 'replace')
    return path.length === 0
      ? change.value
      : setAt(body, path, (parent, key) => (parent[key] = change.value));
  if (change.kind === 'delete')
    return setAt(body, path, (parent, key) =>
      Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key],
    );
  return setAt(body, path, (parent, key) => {
    const target = parent[key];
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      Object.defineProperty(target, change.key, { value: change.value, enumerable: true });
  });
};

/** A JSON body: a valid-looking one mutated, or raw text JSON.stringify cannot make. */
const jsonBody = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(valid, mutation)
        .map(([body, change]) => JSON.stringify(mutate(body, change)) ?? 'null'),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
  );

const orderItem = fc.record(
  {
    itemGroup: mostly(['User License'], 'Hardware'),
    package: mostly(PACKAGE_NAMES, 'Gold User'),
    quantity: mostly([1, 2, -1], 0, 10_000, -10_000),
    trialDays: mostly([0, 30], -1, 3650),
    billingAccount: fc.constantFrom('Vertical Demo', 'Other'),
    comment: fc.constantFrom('note\nline two', ''),
  },
  { requiredKeys: ['itemGroup', 'package', 'quantity', 'trialDays', 'billingAccount'] },
);
const orderItems = fc.array(orderItem, { minLength: 1, maxLength: 3 });

// ---------------------------------------------------------------- headers

const CALLERS = [
  'operator',
  'admin',
  'approver',
  'manager',
  'auditor',
  'billingAnalyst',
  'otherAdmin',
  'unregistered',
  'otherManager',
] as const;
type Caller = (typeof CALLERS)[number];

interface Tokens {
  readonly valid: Record<Caller, string>;
  readonly hostile: string[];
}

const authorization = (tokens: Tokens, callers: readonly Caller[] = []): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    {
      weight: callers.length > 0 ? 10 : 0,
      arbitrary: fc.constantFrom(...callers, 'admin').map((c) => `Bearer ${tokens.valid[c]}`),
    },
    { weight: 4, arbitrary: fc.constantFrom(...CALLERS).map((c) => `Bearer ${tokens.valid[c]}`) },
    { weight: 1, arbitrary: fc.constantFrom(...tokens.hostile).map((t) => `Bearer ${t}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined,
        '',
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        'Bearer a.b.c',
        'Bearer ' + 'x'.repeat(5_000),
        `bearer ${tokens.valid.admin}`,
        `Bearer ${tokens.valid.admin} extra`,
      ),
    },
  );

/** Header values are Latin-1 without control characters but tab, or fetch refuses to send them. */
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x09, max: 0xff })
    .filter((c) => c === 0x09 || (c >= 0x20 && c !== 0x7f))
    .map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

const idempotencyKey = fc.oneof(
  fc.constantFrom(
    undefined,
    undefined,
    undefined,
    'fuzz-key-1',
    'fuzz-key-2',
    ' ',
    'x'.repeat(200),
    'x'.repeat(201),
    'é',
    '\u00ff\t\u00a0',
  ),
  headerText,
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/problem+json',
      'application/merge-patch+json',
      '',
      'application/json;;',
      '*/*',
      'application/octet-stream',
      undefined,
    ),
  },
);

const extraHeaders = fc.record(
  {
    'x-correlation-id': fc.oneof(fc.constantFrom('ticket-1', '../x', 'a'.repeat(150)), headerText),
    'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'bogus', 'deflate, gzip'),
    accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', ''),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------- the endpoints

// ---------------------------------------------------------------- uploads

interface Upload {
  readonly body: Uint8Array;
  readonly contentType: string;
}

const BOUNDARY = 'fuzz-boundary-7MA4YWxkTrZu0gW';

const invoiceCell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      C,
      OTHER_CUSTOMER,
      'C999',
      ...PACKAGE_NAMES,
      '1',
      '0',
      '-1',
      '1.5',
      '2023-10',
      '2023-13',
      '20.00',
      '1.005',
      '1e3',
      '',
    ),
  },
  { weight: 1, arbitrary: hostileString },
);

/** CSV invoices: the real header or a hostile one, lines of about the right width. */
const invoiceCsv = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(INVOICE_HEADER) },
      { weight: 1, arbitrary: fc.array(invoiceCell, { maxLength: 7 }) },
    ),
    fc.array(fc.array(invoiceCell, { minLength: 4, maxLength: 6 }), { maxLength: 6 }),
  )
  .map(([header, lines]) => Buffer.from(csvOf([header, ...lines])));

const invoiceContent: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: invoiceCsv },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Buffer.from(''),
      Buffer.from(`${INVOICE_HEADER.join(',')}\n"${C},unclosed`),
      Buffer.from([0xff, 0xfe, 0x63, 0x00]),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    ),
  },
  // A ZIP's magic and then anything: what the XLSX reader makes of a broken workbook.
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ maxLength: 300 })
      .map((bytes) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes])),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
);

const part = (name: string, fileName: string | undefined, content: Uint8Array): Buffer =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${fileName === undefined ? '' : `; filename="${fileName}"\r\nContent-Type: text/csv`}\r\n\r\n`,
    ),
    content,
    Buffer.from('\r\n'),
  ]);

/** An invoice upload: mostly well formed, now and then with another field, a hostile name, or cut short. */
const invoiceUpload: fc.Arbitrary<Upload> = fc
  .record({
    field: mostly(['file'], 'invoice', ''),
    fileName: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('invoice.csv', 'invoice.xlsx', 'invoice', 'invoice.xls') },
      { weight: 1, arbitrary: hostileString },
    ),
    content: invoiceContent,
    extra: fc.option(fc.tuple(hostileKey, hostileString), { freq: 6 }),
    cut: fc.option(fc.nat(), { freq: 8 }),
    boundary: mostly([BOUNDARY], 'other', ''),
  })
  .map(({ field, fileName, content, extra, cut, boundary }) => {
    const parts = [
      part(field, fileName, content),
      ...(extra ? [part(extra[0], undefined, Buffer.from(extra[1]))] : []),
    ];
    const whole = Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
    return {
      body: cut === null ? whole : whole.subarray(0, cut % (whole.length + 1)),
      contentType: boundary === '' ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`,
    };
  });

interface World {
  /** Grows as the run places orders, so later requests move those through their life cycle. */
  readonly orderNos: string[];
}

const endpoints = ({ orderNos }: World): Endpoint[] => {
  const customerId = segment(mostly([C], OTHER_CUSTOMER, 'C999', 'C000000151'));
  const orderNo = segment(
    fc.oneof(
      { weight: 6, arbitrary: live(orderNos) },
      { weight: 1, arbitrary: fc.constantFrom('999999', '500001') },
    ),
  );
  const extension = segment(mostly(['297', '298', '150', '299'], '300', '100', '0'));
  const realCustomer = mostly([C], OTHER_CUSTOMER, 'C999', 'C-NEW');
  const empty = fc.constant({});
  return [
    { method: 'GET', path: '/api/health', callers: [] },
    { method: 'GET', path: '/api/packages', callers: ['operator', 'auditor'] },
    {
      method: 'POST',
      path: '/api/packages',
      callers: ['operator'],
      body: fc.record({
        name: fc.constantFrom(...PACKAGE_NAMES, 'Fuzz Package', 'Gold User'),
        itemGroup: fc.constant('User License'),
        monthlyPrice: mostly([0, 10, 30.5], 1.005, -1),
      }),
    },
    {
      method: 'POST',
      path: '/api/resellers',
      callers: ['operator', 'admin'],
      body: fc.record({
        resellerId: fc.constantFrom('RS-Vertical', 'RS-Child', 'RS-Other', 'RS-New'),
        name: fc.constantFrom('Child', ''),
      }),
    },
    {
      method: 'GET',
      path: '/api/resellers/{resellerId}/customers',
      callers: ['admin', 'auditor', 'otherAdmin'],
      params: { resellerId: segment(mostly(['RS-Vertical'], 'RS-Other', 'RS-Ghost')) },
      query: { limit, cursor: queryValue('InJTIg', 'IkMwMDAwMDAxNTAi', 'x'), minPosition },
    },
    {
      method: 'POST',
      path: '/api/customers',
      callers: ['admin', 'otherAdmin'],
      body: fc.record({
        customerId: realCustomer,
        name: fc.constant('Fuzz Customer'),
        resellerId: mostly(['RS-Vertical'], 'RS-Other', 'RS-Ghost'),
        servicePlan: fc.constant('Standard Plan'),
        billingAccount: fc.constant('Fuzz'),
        sites: fc.array(
          fc.record({
            name: fc.constantFrom('Main', 'Annex'),
            extensionMin: mostly([100], 300),
            extensionMax: mostly([299], 99),
          }),
          { maxLength: 2 },
        ),
      }),
    },
    {
      method: 'GET',
      path: '/api/customers/{customerId}',
      callers: ['admin', 'manager', 'auditor'],
      params: { customerId },
    },
    {
      method: 'GET',
      path: '/api/customers/{customerId}/inventory',
      callers: ['admin', 'manager', 'billingAnalyst'],
      params: { customerId },
      query: { minPosition },
    },
    {
      method: 'GET',
      path: '/api/customers/{customerId}/timeline',
      callers: ['admin', 'manager', 'auditor'],
      params: { customerId },
      query: {
        from: queryValue('2023-10-01', '2023-02-30', '1999-01-01'),
        to: queryValue('2023-10-31', '2030-01-01'),
        minPosition,
      },
    },
    {
      method: 'GET',
      path: '/api/customers/{customerId}/as-of',
      callers: ['admin', 'manager', 'auditor', 'billingAnalyst'],
      params: { customerId },
      query: {
        at: queryValue('2023-10-24T13:18:11Z', '2099-01-01T00:00:00+02:00', '1999-01-01T00:00:00Z', '2023-02-30T00:00:00Z', '2023-10-24'),
        minPosition,
      },
    },
    {
      method: 'GET',
      path: '/api/customers/{customerId}/users',
      callers: ['admin', 'manager', 'auditor'],
      params: { customerId },
      query: { limit, cursor: queryValue('Mjk3', 'LTE', 'x'), minPosition },
    },
    {
      method: 'GET',
      path: '/api/customers/{customerId}/users/{extension}/packages',
      callers: ['admin', 'manager'],
      params: { customerId, extension },
      query: { minPosition },
    },
    {
      method: 'POST',
      path: '/api/customers/{customerId}/users',
      callers: ['manager', 'admin'],
      params: { customerId },
      body: fc.record({
        extension: mostly([298, 299, 150, 297], 300),
        name: fc.constant('Fuzz User'),
        site: mostly([VERTICAL_DEMO.sites[0]!.name], 'Annex'),
        portalId: fc.constant('fuzz@cm'),
        email: mostly([USER_297.email], 'not-an-email'),
        package: mostly(PACKAGE_NAMES, 'Gold User'),
      }),
    },
    {
      method: 'POST',
      path: '/api/customers/{customerId}/users/{extension}/package',
      callers: ['manager', 'admin'],
      params: { customerId, extension },
      body: fc.record({ package: mostly(PACKAGE_NAMES, 'Gold User') }),
    },
    {
      method: 'DELETE',
      path: '/api/customers/{customerId}/users/{extension}',
      callers: ['manager', 'admin'],
      params: { customerId, extension },
    },
    {
      method: 'POST',
      path: '/api/orders',
      callers: ['admin'],
      body: fc.record(
        {
          customerId: realCustomer,
          title: fc.constant('Fuzz order'),
          type: fc.constantFrom('New', 'Change'),
          changeDate: fc.constantFrom('2023-10-24', '2024-02-29'),
          note: fc.constant('n'),
          items: orderItems,
        },
        { requiredKeys: ['customerId', 'title', 'type', 'changeDate', 'items'] },
      ),
    },
    {
      method: 'GET',
      path: '/api/orders',
      callers: ['admin', 'approver', 'auditor', 'otherAdmin'],
      query: {
        customerId: queryValue(C, OTHER_CUSTOMER),
        status: queryValue('Temporary', 'Submitted', 'Pending'),
        limit,
        cursor: queryValue('IjUwMDAwMiI', 'IjEi', 'x'),
        minPosition,
      },
    },
    {
      method: 'GET',
      path: '/api/orders/{orderNo}',
      callers: ['admin', 'approver', 'otherAdmin'],
      params: { orderNo },
    },
    {
      method: 'PUT',
      path: '/api/orders/{orderNo}/items',
      callers: ['admin'],
      params: { orderNo },
      body: fc.record({ items: orderItems }),
    },
    {
      method: 'POST',
      path: '/api/orders/{orderNo}/submit',
      callers: ['admin'],
      params: { orderNo },
      body: empty,
    },
    {
      method: 'POST',
      path: '/api/orders/{orderNo}/approve',
      callers: ['approver'],
      params: { orderNo },
      body: empty,
    },
    {
      method: 'POST',
      path: '/api/orders/{orderNo}/reject',
      callers: ['approver', 'admin'],
      params: { orderNo },
      body: fc.record({ reason: mostly(['Customer withdrew'], '') }),
    },
    {
      method: 'POST',
      path: '/api/orders/{orderNo}/final-confirm',
      callers: ['admin'],
      params: { orderNo },
      body: empty,
    },
    {
      method: 'POST',
      path: '/api/orders/{orderNo}/cancel',
      callers: ['admin'],
      params: { orderNo },
      body: empty,
    },
    {
      method: 'POST',
      path: '/api/invoices',
      callers: ['billingAnalyst', 'admin', 'otherAdmin'],
      upload: invoiceUpload,
    },
    {
      method: 'GET',
      path: '/api/customers/{customerId}/reconciliation',
      callers: ['billingAnalyst', 'admin', 'manager', 'otherAdmin'],
      params: { customerId },
      query: { month: queryValue('2023-10', '2023-13', '2023-1', '1999-01'), minPosition },
    },
    {
      method: 'GET',
      path: '/api/resellers/{resellerId}/reconciliation',
      callers: ['billingAnalyst', 'admin', 'otherAdmin'],
      params: { resellerId: segment(mostly(['RS-Vertical'], 'RS-Other', 'RS-Ghost')) },
      query: {
        month: queryValue('2023-10', '2023-13'),
        limit,
        cursor: queryValue(
          Buffer.from(JSON.stringify(`${'0'.repeat(15)}:${C}`)).toString('base64url'),
          'InJTIg',
          'x',
        ),
        minPosition,
      },
    },
    {
      method: 'GET',
      path: '/api/customers/{customerId}/waste',
      callers: ['billingAnalyst', 'manager', 'auditor'],
      params: { customerId },
      query: { days: queryValue('30', '1', '0', '3651', '1.5'), minPosition },
    },
    { method: 'GET', path: '/api/audit', callers: ['auditor', 'manager', 'otherAdmin'], query: auditQuery },
    { method: 'GET', path: '/api/audit.csv', callers: ['auditor', 'manager', 'otherAdmin'], query: auditQuery },
    { method: 'GET', path: '/api/audit/verify', callers: ['auditor', 'manager'], query: { minPosition } },
    {
      method: 'GET',
      path: '/api/audit/{position}',
      callers: ['auditor', 'manager', 'otherAdmin'],
      params: { position: segment(mostly(['1', '5', '20', '40'], '0', '-1', '999999', 'verify')) },
      query: { minPosition },
    },
    { method: 'GET', path: '/api/projections', callers: ['auditor', 'operator'] },
    {
      method: 'POST',
      path: '/api/projections/{name}/rebuild',
      callers: ['operator'],
      params: {
        name: segment(
          mostly(
            PROJECTIONS.map((p) => p.name),
            'no-such-thing',
          ),
        ),
      },
    },
  ];
};

/** The audit trail's filters; `type` may repeat, and the query string then carries it twice. */
const auditQuery: Record<string, fc.Arbitrary<string>> = {
  customerId: queryValue(C, OTHER_CUSTOMER),
  extension: queryValue('297', '99999999', '1e2'),
  orderNo: queryValue('500001', '0'),
  actor: queryValue('customer-manager@RS-Vertical', '%'),
  role: queryValue('approver', 'King'),
  type: queryValue('OrderApproved', 'UserAdded', 'Nope'),
  from: queryValue('2023-10-01', '2023-02-30', '2023-10-24T10:00:00Z', '2023-10-24T10:00:00+25:00'),
  to: queryValue('2030-01-01', '1999-01-01'),
  q: queryValue('297', '%_\\', 'Premium'),
  order: queryValue('asc', 'desc', 'up'),
  limit,
  cursor: queryValue('NQ', 'LTE', 'x'),
  minPosition,
};

const queryString = (query: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<string> => {
  const known = Object.entries(query).map(([key, value]) => fc.tuple(fc.constant(key), value));
  const hostile = fc.tuple(hostileKey.map(encodeSegment), queryValue('1', 'x'));
  const pair =
    known.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...known) }, { weight: 1, arbitrary: hostile })
      : hostile;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    {
      weight: 4,
      arbitrary: fc
        .array(pair, { minLength: 1, maxLength: 4 })
        .map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&')),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '?',
        '?&&',
        '?=x',
        '?limit',
        '?a[b][c]=d',
        '?limit=1&limit=2',
        '?__proto__[x]=1',
        '?%=1',
        '?' + 'q='.repeat(3_000),
      ),
    },
  );
};

const request = (endpoint: Endpoint, tokens: Tokens): fc.Arbitrary<FuzzRequest> => {
  const params = fc.record(endpoint.params ?? {});
  const hasBody = endpoint.method !== 'GET';
  const body = hasBody
    ? fc.option(jsonBody(endpoint.body ?? fc.constant({})), { freq: 8 })
    : fc.constant(null);
  const upload = endpoint.upload ? fc.option(endpoint.upload, { freq: 5 }) : fc.constant(null);
  return fc
    .record({
      params,
      query: queryString(endpoint.query),
      authorization: authorization(tokens, endpoint.callers),
      idempotencyKey,
      contentType,
      extra: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: extraHeaders }),
      body,
      upload,
    })
    .map(
      ({
        params: values,
        query,
        authorization: auth,
        idempotencyKey: key,
        contentType: type,
        extra,
        body: json,
        upload: form,
      }) => {
        const payload = form?.body ?? json;
        const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? name) + query;
        const headers: Record<string, string> = { ...(extra ?? {}) };
        if (auth !== undefined) headers.authorization = auth;
        if (endpoint.method === 'POST' && key !== undefined) headers['idempotency-key'] = key;
        if (form) headers['content-type'] = form.contentType;
        else if (payload !== null && type !== undefined) headers['content-type'] = type;
        return {
          endpoint: `${endpoint.method} ${endpoint.path}`,
          method: endpoint.method,
          path,
          headers,
          ...(payload !== null && { body: payload }),
        };
      },
    );
};

/** Methods and paths no route has, to be sure they are a plain 404 or 405 too. */
const strayRequest = (tokens: Tokens): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      method: fc.constantFrom('PATCH', 'OPTIONS', 'HEAD', 'PUT', 'DELETE', 'POST', 'GET'),
      path: fc.constantFrom(
        '/api/orders/500001',
        '/api/customers',
        '/API/orders',
        '/api/orders/',
        '//api//orders',
        '/api/%2e%2e/packages',
        '/api',
        '/api/docs-json',
        '/api/orders/500001/submit/x',
        '/api/projections/orders',
      ),
      authorization: authorization(tokens),
    })
    .map(({ method, path, authorization: auth }): FuzzRequest => ({
      endpoint: 'stray',
      method,
      path,
      headers: auth === undefined ? {} : { authorization: auth },
    }));

// ---------------------------------------------------------------- the run

const send = async (baseUrl: string, fuzz: FuzzRequest) => {
  const response = await fetch(`${baseUrl}${fuzz.path}`, {
    method: fuzz.method,
    headers: fuzz.headers,
    ...(fuzz.body !== undefined && { body: fuzz.body }),
  });
  return { status: response.status, text: await response.text() };
};

const describeRequest = (fuzz: FuzzRequest) => {
  const body =
    typeof fuzz.body === 'string'
      ? fuzz.body
      : fuzz.body && `bytes ${Buffer.from(fuzz.body).toString('hex')}`;
  const shown = (text: string | undefined) =>
    text && text.length > 400 ? `${text.slice(0, 400)}... (${text.length} chars)` : text;
  return {
    method: fuzz.method,
    path: shown(fuzz.path),
    headers: { ...fuzz.headers, authorization: shown(fuzz.headers.authorization) },
    body: shown(body),
  };
};

interface Failure {
  readonly problems: string[];
  readonly request: FuzzRequest;
  readonly status: number;
  readonly response: string;
  readonly serverLog: string[];
}

/** The failures grouped by cause (the server's error and where it was thrown), each with its smallest request. */
const byCause = (failures: readonly Failure[]) => {
  const causeOf = ({ problems, serverLog }: Failure) => {
    const [error = '', ...stack] = (serverLog[0] ?? '').split('\n');
    const where =
      stack
        .find((line) => line.includes('/apps/api/src/'))
        ?.replace(/^.*\/apps\/api\/src\/([^:]+).*$/, '$1') ?? '';
    return `${problems.join(', ')}: ${error} ${where}`;
  };
  const size = ({ request }: Failure) => request.path.length + (request.body?.length ?? 0);
  const groups = new Map<string, Failure[]>();
  for (const failure of failures)
    groups.set(causeOf(failure), [...(groups.get(causeOf(failure)) ?? []), failure]);
  return [...groups].map(([cause, group]) => {
    const smallest = group.reduce((a, b) => (size(b) < size(a) ? b : a));
    return {
      cause,
      count: group.length,
      status: smallest.status,
      request: describeRequest(smallest.request),
      response: smallest.response.slice(0, 300),
      serverLog: smallest.serverLog,
    };
  });
};

/** Collects what the server logs as errors, so a 5xx can be reported with its stack. */
const errorLog = (): LoggerService & { since(mark: number): string[]; mark(): number } => {
  const lines: string[] = [];
  const keep = (message: unknown, ...rest: unknown[]) =>
    void lines.push([message, ...rest].map(String).join(' '));
  return {
    log: () => undefined,
    warn: () => undefined,
    debug: () => undefined,
    verbose: () => undefined,
    error: keep,
    fatal: keep,
    mark: () => lines.length,
    since: (mark) => lines.slice(mark),
  };
};

describe('fuzz: hostile requests on every endpoint', () => {
  let app: TestApp;
  let world: World;
  let tokens: Tokens;
  const log = errorLog();

  beforeAll(async () => {
    app = await startTestApp();
    app.app.useLogger(log);
    const who = await seedVerticalDemo(app, 3);
    const operator = await app.as('operator');
    await operator.post('/api/resellers', { resellerId: 'RS-Other', name: 'Other Communications' });
    const otherAdmin = await app.as('reseller-admin', 'RS-Other');
    await otherAdmin.post('/api/customers', {
      ...VERTICAL_DEMO,
      customerId: OTHER_CUSTOMER,
      resellerId: 'RS-Other',
    });
    // Orders in every status, so transitions and item changes reach the domain's rules.
    const confirmed = await confirmedOrder(who, C, [item('Premium iPECS ONE USER', 2)]);
    const order = async () =>
      (
        await who.admin.post('/api/orders', {
          customerId: C,
          title: 'o',
          type: 'Change',
          changeDate: '2023-10-24',
          items: [item('Stand Alone VM', 1)],
        })
      ).body.orderNo as string;
    const temporary = await order();
    const submitted = await order();
    await who.admin.post(`/api/orders/${submitted}/submit`);
    const approved = await order();
    await who.admin.post(`/api/orders/${approved}/submit`);
    await who.approver.post(`/api/orders/${approved}/approve`);
    world = { orderNos: [confirmed.orderNo, temporary, submitted, approved] };

    const sign = (claims: Record<string, unknown>, secret = TEST_SECRET, exp: string | number = '1h') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    const unsigned = (claims: object) =>
      `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    tokens = {
      valid: {
        operator: operator.token,
        admin: who.admin.token,
        approver: who.approver.token,
        manager: who.manager.token,
        auditor: (await app.as('auditor')).token,
        billingAnalyst: (await app.as('billing-analyst')).token,
        otherAdmin: otherAdmin.token,
        unregistered: (await app.as('reseller-admin', 'RS-Ghost')).token,
        otherManager: (await app.as('customer-manager', 'RS-Vertical', { customerId: OTHER_CUSTOMER })).token,
      },
      hostile: [
        await sign(
          { sub: 'x', role: 'reseller-admin', resellerId: 'RS-Vertical' },
          'another-secret-that-is-long-enough-0123456789',
        ),
        await sign(
          { sub: 'x', role: 'reseller-admin', resellerId: 'RS-Vertical' },
          TEST_SECRET,
          Math.floor(Date.now() / 1000) - 60,
        ),
        await sign({ sub: 'x', role: 'root', resellerId: 'RS-Vertical' }),
        await sign({ sub: 'x', role: 'reseller-admin' }),
        await sign({ sub: 'x', role: ['operator'] }),
        await sign({ sub: { a: 1 }, role: 'operator' }),
        await sign({ sub: 'x\u0000', role: 'reseller-admin', resellerId: 'RS-Vertical' }),
        await sign({ sub: 'x', role: 'reseller-admin', resellerId: 'RS-Vertical\u0000' }),
        await sign({ sub: 'x', role: 'customer-manager', resellerId: 'RS-Vertical', customerId: '\ud800' }),
        await sign({ sub: 'x', role: '__proto__', resellerId: 'RS-Vertical' }),
        unsigned({ sub: 'x', role: 'operator', exp: 9_999_999_999 }),
        (await signToken({ actor: 'x', role: 'operator' }, TEST_SECRET)).slice(0, -2),
      ],
    };
  });
  afterAll(() => app?.close());

  it(`answers ${RUNS} hostile requests below 500 and records nothing for a refused one`, async () => {
    const all = endpoints(world);
    const openApi = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, object>;
    };
    const documented = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(
      documented.filter((op) => !all.some((e) => `${e.method} ${e.path}` === op)),
      'endpoints the fuzz does not cover',
    ).toEqual([]);

    const arbitrary = fc.oneof(
      { weight: 40, arbitrary: fc.oneof(...all.map((endpoint) => request(endpoint, tokens))) },
      { weight: 1, arbitrary: strayRequest(tokens) },
    );
    const statuses = new Map<number, number>();
    const perEndpoint = new Map<string, number>();
    const failures: Failure[] = [];
    let head = await app.headPosition();
    const started = Date.now();

    await fc.assert(
      fc.asyncProperty(arbitrary, async (fuzz) => {
        const mark = log.mark();
        const response = await send(app.baseUrl, fuzz);
        const after = await app.headPosition();
        if (fuzz.endpoint === 'POST /api/orders' && response.status === 201)
          world.orderNos.push(JSON.parse(response.text).orderNo);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        perEndpoint.set(fuzz.endpoint, (perEndpoint.get(fuzz.endpoint) ?? 0) + 1);
        const problems = [
          ...(response.status >= 500 ? ['a server error'] : []),
          ...(response.status >= 400 && after !== head
            ? [`refused, yet the head moved from ${head} to ${after}`]
            : []),
        ];
        if (problems.length > 0)
          failures.push({
            problems,
            request: fuzz,
            status: response.status,
            response: response.text,
            serverLog: log.since(mark),
          });
        head = after;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const histogram = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}:${count}`)
      .join(' ');
    console.log(
      `fuzz: ${RUNS} requests in ${seconds}s (seed ${SEED}) on ${perEndpoint.size} endpoints; statuses ${histogram}`,
    );
    expect(failures.length, JSON.stringify(byCause(failures), null, 2)).toBe(0);
    expect([...perEndpoint.keys()].length).toBe(all.length + 1);
  }, 300_000);
});
