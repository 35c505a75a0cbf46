import type { InvoiceFormat, InvoiceRow } from '@ledger/domain';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { type FieldError, problem, ProblemError, validationProblem } from '../../http/problem.js';

/** The uploaded file as multer's memory storage hands it over. */
export interface UploadedInvoice {
  readonly originalname: string;
  readonly buffer: Buffer;
}

export interface InvoiceFile {
  readonly format: InvoiceFormat;
  readonly rows: InvoiceRow[];
}

/** A bad cell (the domain's InvoiceCellError) or a line the CSV reader could not read. */
interface BadCell {
  readonly line: number;
  readonly column: string | null;
  readonly rule: string;
  readonly message: string;
}

/** The 400 of an invoice with bad cells: `errors` lists each by line and column (API.md), unlike a request's field errors. */
export const invoiceProblem = (errors: readonly BadCell[]): ProblemError =>
  new ProblemError(
    problem(
      400,
      'invalid-invoice',
      `the invoice has bad cells (${errors.length} listed); nothing was imported`,
      {
        errors,
      },
    ),
  );

const unreadable = (rule: string, message: string): ProblemError =>
  validationProblem([{ field: 'file', rule, message } satisfies FieldError]);

// Every XLSX file is a ZIP archive; an old binary .xls is an OLE compound file.
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buffer: Buffer, magic: readonly number[]) =>
  magic.every((byte, index) => buffer[index] === byte);

// ---------------------------------------------------------------- CSV

const BREAK = /\r\n|\r|\n/g;

/** Lines a record spans: a quoted field may hold line breaks. Its own record delimiter ends its raw text. */
const linesOf = (raw: string): number => (raw.replace(/[\r\n]$/, '').match(BREAK) ?? []).length + 1;

interface ParsedRecord {
  readonly record: string[];
  readonly raw: string;
}

function readCsv(buffer: Buffer): InvoiceRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw unreadable('encoding', 'a CSV invoice must be UTF-8 text');
  }
  let records: ParsedRecord[];
  try {
    // Blank lines are records too, so that each record's first line can be counted from the raw text.
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      raw: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    throw invoiceProblem([{ line, column: null, rule: 'csv-syntax', message: error.message }]);
  }
  let line = 1;
  return records.map(({ record, raw }) => {
    const row = { line, cells: record };
    line += linesOf(raw);
    return row;
  });
}

// ---------------------------------------------------------------- XLSX

/** Excel turns a typed `2023-10` into a date: the first of a month at midnight reads back as that month. */
const dateText = (date: Date): string => {
  const iso = date.toISOString();
  return iso.endsWith('-01T00:00:00.000Z') ? iso.slice(0, 7) : iso.slice(0, 10);
};

/** A cell as the text it shows: a formula's result, rich text's characters, an error's code. */
const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value !== 'object') return '';
  const cell = value as {
    result?: unknown;
    richText?: { text?: unknown }[];
    text?: unknown;
    error?: unknown;
  };
  if ('result' in cell) return cellText(cell.result);
  if (Array.isArray(cell.richText)) return cell.richText.map((part) => cellText(part.text)).join('');
  if ('text' in cell) return cellText(cell.text);
  if ('error' in cell) return cellText(cell.error);
  return '';
};

async function readXlsx(buffer: Buffer): Promise<InvoiceRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw unreadable('xlsx', 'the file is not a workbook Excel can open (XLSX)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    rows.push({
      line,
      cells: Array.from({ length: row.cellCount }, (_, index) => cellText(row.getCell(index + 1).value)),
    });
  });
  // A sheet leaves out the empty cells after a row's last one: every row as wide as the widest.
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  return rows.map((row) => ({
    line: row.line,
    cells: [...row.cells, ...Array<string>(width - row.cells.length).fill('')],
  }));
}

// ---------------------------------------------------------------- either

/**
 * Reads an uploaded invoice by its content: an XLSX workbook (the first sheet, its row numbers as
 * lines) or CSV text (lines counted from 1, the header being line 1). The name's extension only
 * has to agree.
 */
export async function readInvoiceFile(file: UploadedInvoice): Promise<InvoiceFile> {
  const extension = /\.([^./\\]+)$/.exec(file.originalname)?.[1]?.toLowerCase();
  if (startsWith(file.buffer, OLE))
    throw unreadable('format', 'an old binary Excel file (.xls) cannot be read; save it as XLSX or CSV');
  const format: InvoiceFormat = startsWith(file.buffer, ZIP) ? 'xlsx' : 'csv';
  if ((extension === 'csv' || extension === 'xlsx') && extension !== format) {
    throw unreadable(
      'format',
      `the file is named .${extension} but holds ${format === 'xlsx' ? 'an XLSX workbook' : 'CSV text'}`,
    );
  }
  return { format, rows: format === 'xlsx' ? await readXlsx(file.buffer) : readCsv(file.buffer) };
}
