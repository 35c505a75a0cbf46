/**
 * A carrier's invoice as rows of text cells (a CSV file, or a sheet the API reads into text): a
 * header row `customerId,package,quantity,period,amount` in any column order, then one line per
 * customer, package and month. Every bad cell is reported with its line and column, so a file is
 * imported whole or not at all.
 */
import { fromCents } from './money.js';

export const INVOICE_COLUMNS = ['customerId', 'package', 'quantity', 'period', 'amount'] as const;
export type InvoiceColumn = (typeof INVOICE_COLUMNS)[number];

/** More lines than a carrier's monthly invoice of a reseller's whole tree needs; the event holds them all. */
export const MAX_INVOICE_LINES = 100_000;
/** A file of garbage has a bad cell in every column of every line; past this many the rest are counted, not listed. */
export const MAX_LISTED_ERRORS = 1_000;
const MAX_QUANTITY = 1_000_000;
const MAX_AMOUNT_CENTS = 99_999_999_999;

/** One row of the file: its line (the header is line 1 of a CSV file, the sheet's row number in XLSX) and its cells as text. */
export interface InvoiceRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export type InvoiceRule =
  | 'empty-file'
  | 'no-lines'
  | 'too-many-lines'
  | 'missing-column'
  | 'unknown-column'
  | 'duplicate-column'
  | 'field-count'
  | 'required'
  | 'format'
  | 'integer'
  | 'decimal'
  | 'min'
  | 'max'
  | 'unknown-customer'
  | 'unknown-package'
  | 'duplicate-line'
  | 'too-many-errors';

export interface InvoiceCellError {
  readonly line: number;
  /** The header name of the bad cell; null for a problem with the whole row or file. */
  readonly column: InvoiceColumn | null;
  readonly rule: InvoiceRule;
  readonly message: string;
}

/** A valid line of an invoice, as the import records it. */
export interface ImportedInvoiceLine {
  readonly line: number;
  readonly customerId: string;
  readonly package: string;
  readonly quantity: number;
  /** The month billed, 'YYYY-MM'. */
  readonly period: string;
  /** Rounded to cents. */
  readonly amount: number;
}

/** What the lines are checked against. */
export interface InvoiceReferences {
  /** The customers the importer may see among those the file names: any other is answered as if it did not exist. */
  readonly visibleCustomers: readonly string[];
  /** The catalog's package names. */
  readonly packages: readonly string[];
}

export type InvoiceValidation =
  | { readonly ok: true; readonly lines: readonly ImportedInvoiceLine[] }
  | { readonly ok: false; readonly errors: readonly InvoiceCellError[] };

const HEADER = INVOICE_COLUMNS.join(',');
const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,40}$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const WHOLE = /^\d+$/;
const NEGATIVE = /^-\d+(\.\d+)?$/;
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * A cell's text as an error message can show it: the client's file may hold anything, and the answer
 * is stored as jsonb (no U+0000, no unpaired surrogate), so control characters and surrogates are
 * escaped and long values cut.
 */
export const quotedCell = (value: string): string => {
  const escaped = value.replace(
    /[\p{Cc}\p{Cs}]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped.length > 60 ? `${escaped.slice(0, 60)}...` : escaped}"`;
};

const isBlank = (row: InvoiceRow): boolean => row.cells.every((cell) => cell.trim() === '');

type Header = { readonly columns: ReadonlyMap<InvoiceColumn, number>; readonly width: number };

const isColumn = (name: string): name is InvoiceColumn =>
  (INVOICE_COLUMNS as readonly string[]).includes(name);

/** The header's columns by name, or what is wrong with it (the lines cannot be read without it). */
const readHeader = (row: InvoiceRow): Header | InvoiceCellError[] => {
  const errors: InvoiceCellError[] = [];
  const columns = new Map<InvoiceColumn, number>();
  const names = row.cells.map((cell) => cell.trim());
  // Empty cells after the last name are no column (a sheet's formatting, a trailing comma).
  const width = names.reduce((last, name, index) => (name === '' ? last : index + 1), 0);
  names.slice(0, width).forEach((name, index) => {
    const at = `column ${index + 1}`;
    if (!isColumn(name)) {
      errors.push({
        line: row.line,
        column: null,
        rule: 'unknown-column',
        message: `${at} is ${quotedCell(name)}, not a column of ${HEADER}`,
      });
    } else if (columns.has(name)) {
      errors.push({
        line: row.line,
        column: name,
        rule: 'duplicate-column',
        message: `${at} repeats ${name}`,
      });
    } else columns.set(name, index);
  });
  for (const name of INVOICE_COLUMNS) {
    if (!columns.has(name))
      errors.push({
        line: row.line,
        column: name,
        rule: 'missing-column',
        message: `the header has no ${name} column; expected ${HEADER}`,
      });
  }
  return errors.length > 0 ? errors : { columns, width };
};

/** Amount text as whole cents, rounded half away from zero at the third decimal, or why it is not one. */
const centsOf = (text: string): number | Pick<InvoiceCellError, 'rule' | 'message'> => {
  if (NEGATIVE.test(text)) return { rule: 'min', message: `must not be negative, got ${quotedCell(text)}` };
  const match = DECIMAL.exec(text);
  if (!match) return { rule: 'decimal', message: `must be a decimal number like 40.65, got ${quotedCell(text)}` };
  const [, whole = '0', fraction = ''] = match;
  const digits = fraction.padEnd(3, '0');
  const cents = Number(whole) * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
  return cents > MAX_AMOUNT_CENTS
    ? { rule: 'max', message: `must be at most ${fromCents(MAX_AMOUNT_CENTS)}, got ${quotedCell(text)}` }
    : cents;
};

const quantityOf = (text: string): number | Pick<InvoiceCellError, 'rule' | 'message'> => {
  if (NEGATIVE.test(text)) return { rule: 'min', message: `must not be negative, got ${quotedCell(text)}` };
  if (!WHOLE.test(text))
    return { rule: 'integer', message: `must be a whole number of licenses, got ${quotedCell(text)}` };
  const quantity = Number(text);
  return quantity > MAX_QUANTITY
    ? { rule: 'max', message: `must be at most ${MAX_QUANTITY}, got ${quotedCell(text)}` }
    : quantity;
};

/** One line's cells checked against the references: the line, or every bad cell of it. */
const readLine = (
  row: InvoiceRow,
  header: Header,
  references: { customers: ReadonlySet<string>; packages: ReadonlySet<string> },
): ImportedInvoiceLine | InvoiceCellError[] => {
  const extra = row.cells.slice(header.width).some((cell) => cell.trim() !== '');
  if (row.cells.length < header.width || extra) {
    return [
      {
        line: row.line,
        column: null,
        rule: 'field-count',
        message: `has ${row.cells.length} fields; the header has ${header.width}`,
      },
    ];
  }
  const errors: InvoiceCellError[] = [];
  const fail = (column: InvoiceColumn, error: Pick<InvoiceCellError, 'rule' | 'message'>) =>
    errors.push({ line: row.line, column, ...error });
  const cell = (column: InvoiceColumn): string | undefined => {
    const text = (row.cells[header.columns.get(column) ?? -1] ?? '').trim();
    if (text === '') fail(column, { rule: 'required', message: `${column} is empty` });
    return text === '' ? undefined : text;
  };
  const [customerId, pkg, quantityText, period, amountText] = INVOICE_COLUMNS.map(cell);
  if (customerId !== undefined && !CUSTOMER_ID.test(customerId))
    fail('customerId', {
      rule: 'format',
      message: `must be 1-40 letters, digits, - or _, got ${quotedCell(customerId)}`,
    });
  // Worded as for a customer that does not exist, so a file cannot probe another reseller's ids.
  else if (customerId !== undefined && !references.customers.has(customerId))
    fail('customerId', { rule: 'unknown-customer', message: `customer ${customerId} does not exist` });
  if (pkg !== undefined && !references.packages.has(pkg))
    fail('package', { rule: 'unknown-package', message: `${quotedCell(pkg)} is not a package of the catalog` });
  const quantity = quantityText === undefined ? undefined : quantityOf(quantityText);
  if (typeof quantity === 'object') fail('quantity', quantity);
  if (period !== undefined && !PERIOD.test(period))
    fail('period', { rule: 'format', message: `must be a month YYYY-MM, got ${quotedCell(period)}` });
  const cents = amountText === undefined ? undefined : centsOf(amountText);
  if (typeof cents === 'object') fail('amount', cents);
  if (
    errors.length > 0 ||
    customerId === undefined ||
    pkg === undefined ||
    period === undefined ||
    typeof quantity !== 'number' ||
    typeof cents !== 'number'
  )
    return errors;
  return { line: row.line, customerId, package: pkg, quantity, period, amount: fromCents(cents) };
};

/** The same customer, package and month twice is a mistake, not a sum: each line after the first is reported. */
const duplicates = (lines: readonly ImportedInvoiceLine[]): InvoiceCellError[] => {
  const first = new Map<string, number>();
  const errors: InvoiceCellError[] = [];
  for (const line of lines) {
    const key = JSON.stringify([line.customerId, line.package, line.period]);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, line.line);
    else
      errors.push({
        line: line.line,
        column: null,
        rule: 'duplicate-line',
        message: `customer ${line.customerId}, ${quotedCell(line.package)}, ${line.period} is on line ${earlier} already`,
      });
  }
  return errors;
};

/** Errors in file order, the first MAX_LISTED_ERRORS of them and a count of the rest. */
const listed = (errors: readonly InvoiceCellError[]): InvoiceCellError[] => {
  const sorted = [...errors].sort(
    (a, b) =>
      a.line - b.line ||
      INVOICE_COLUMNS.indexOf(a.column ?? 'customerId') - INVOICE_COLUMNS.indexOf(b.column ?? 'customerId'),
  );
  const next = sorted[MAX_LISTED_ERRORS];
  if (next === undefined) return sorted;
  const rest = sorted.length - MAX_LISTED_ERRORS;
  return [
    ...sorted.slice(0, MAX_LISTED_ERRORS),
    {
      line: next.line,
      column: null,
      rule: 'too-many-errors',
      message: `${rest} more bad cells from this line on are not listed`,
    },
  ];
};

/** The rows with content: blank rows (a sheet's empty rows, a CSV's trailing `,,,,`) are no line. */
const contentRows = (rows: readonly InvoiceRow[]): InvoiceRow[] => rows.filter((row) => !isBlank(row));

/** The customer ids the file's customerId column names: the API looks up which of them the importer may see. */
export const namedCustomers = (rows: readonly InvoiceRow[]): string[] => {
  const [first, ...lines] = contentRows(rows);
  const index = first?.cells.findIndex((cell) => cell.trim() === 'customerId') ?? -1;
  if (index < 0) return [];
  return [
    ...new Set(lines.map((row) => (row.cells[index] ?? '').trim()).filter((id) => CUSTOMER_ID.test(id))),
  ];
};

/** Reads the rows as invoice lines, or lists every bad cell (and then nothing is imported). */
export const validateInvoice = (
  rows: readonly InvoiceRow[],
  references: InvoiceReferences,
): InvoiceValidation => {
  const [first, ...data] = contentRows(rows);
  if (!first)
    return {
      ok: false,
      errors: [
        {
          line: 1,
          column: null,
          rule: 'empty-file',
          message: `the file is empty; its first row must be the header ${HEADER}`,
        },
      ],
    };
  const header = readHeader(first);
  if (Array.isArray(header)) return { ok: false, errors: header };
  if (data.length === 0)
    return {
      ok: false,
      errors: [
        {
          line: first.line + 1,
          column: null,
          rule: 'no-lines',
          message: 'the file has a header but no invoice lines',
        },
      ],
    };
  const over = data[MAX_INVOICE_LINES];
  if (over)
    return {
      ok: false,
      errors: [
        {
          line: over.line,
          column: null,
          rule: 'too-many-lines',
          message: `an invoice holds at most ${MAX_INVOICE_LINES} lines; split the file`,
        },
      ],
    };
  const sets = { customers: new Set(references.visibleCustomers), packages: new Set(references.packages) };
  const lines: ImportedInvoiceLine[] = [];
  const errors: InvoiceCellError[] = [];
  for (const row of data) {
    const read = readLine(row, header, sets);
    if (Array.isArray(read)) errors.push(...read);
    else lines.push(read);
  }
  errors.push(...duplicates(lines));
  return errors.length > 0 ? { ok: false, errors: listed(errors) } : { ok: true, lines };
};
