import { describe, expect, it } from 'vitest';
import { BASIC, PREMIUM } from '../testing/customer-fixtures.js';
import {
  type InvoiceRow,
  MAX_INVOICE_LINES,
  MAX_LISTED_ERRORS,
  namedCustomers,
  validateInvoice,
} from './invoice-rows.js';

const HEADER = ['customerId', 'package', 'quantity', 'period', 'amount'];
const references = { visibleCustomers: ['C000000150', 'C000000151'], packages: [BASIC, PREMIUM] };
/** Rows numbered as the lines of a CSV file: the header is line 1. */
const file = (...rows: string[][]): InvoiceRow[] => rows.map((cells, index) => ({ line: index + 1, cells }));
const line = (...cells: string[]) => cells;
const errorsOf = (rows: InvoiceRow[]) => {
  const result = validateInvoice(rows, references);
  if (result.ok) throw new Error('expected bad cells');
  return result.errors;
};

describe('invoice rows', () => {
  it('reads every line, amounts rounded to cents, columns in any order', () => {
    const result = validateInvoice(
      file(
        ['amount', 'period', 'quantity', 'package', 'customerId'],
        line('40.654', '2023-10', '2', PREMIUM, 'C000000150'),
        line(' 20 ', '2023-10', '1', BASIC, 'C000000150'),
      ),
      references,
    );
    expect(result).toEqual({
      ok: true,
      lines: [
        {
          line: 2,
          customerId: 'C000000150',
          package: PREMIUM,
          quantity: 2,
          period: '2023-10',
          amount: 40.65,
        },
        { line: 3, customerId: 'C000000150', package: BASIC, quantity: 1, period: '2023-10', amount: 20 },
      ],
    });
  });

  it('rounds half away from zero on the decimal text, not on a binary float', () => {
    const result = validateInvoice(
      file(HEADER, line('C000000150', BASIC, '1', '2023-10', '1.005')),
      references,
    );
    expect(result.ok && result.lines[0]?.amount).toBe(1.01);
  });

  it('skips blank rows, keeping the line numbers of the others', () => {
    const result = validateInvoice(
      file(HEADER, ['', ' ', '', '', ''], line('C000000150', BASIC, '1', '2023-10', '20')),
      references,
    );
    expect(result.ok && result.lines.map((l) => l.line)).toEqual([3]);
  });

  it('reports an empty file on line 1', () => {
    expect(errorsOf([])).toEqual([
      {
        line: 1,
        column: null,
        rule: 'empty-file',
        message: expect.stringContaining('customerId,package,quantity,period,amount'),
      },
    ]);
  });

  it('reports a header without lines', () => {
    expect(errorsOf(file(HEADER))).toEqual([
      { line: 2, column: null, rule: 'no-lines', message: expect.any(String) },
    ]);
  });

  it('reports unknown, repeated and missing header columns, and reads no line then', () => {
    const errors = errorsOf(
      file(['customerId', 'Package', 'quantity', 'quantity', 'period', 'amount'], line('nope')),
    );
    expect(errors.map(({ line: at, column, rule }) => ({ line: at, column, rule }))).toEqual([
      { line: 1, column: null, rule: 'unknown-column' },
      { line: 1, column: 'quantity', rule: 'duplicate-column' },
      { line: 1, column: 'package', rule: 'missing-column' },
    ]);
  });

  it('reports a row with more or fewer fields than the header as a whole-row problem', () => {
    const errors = errorsOf(
      file(
        HEADER,
        line('C000000150', BASIC, '1', '2023-10'),
        line('C000000150', BASIC, '1', '2023-10', '20', 'extra'),
        line('C000000150', BASIC, '1', '2023-11', '20', ''),
      ),
    );
    expect(errors.map((e) => [e.line, e.column, e.rule])).toEqual([
      [2, null, 'field-count'],
      [3, null, 'field-count'],
    ]);
  });

  it('reports every bad cell of every line by line and column', () => {
    const errors = errorsOf(
      file(
        HEADER,
        line('', BASIC, '', '2023-10', '20'),
        line('C 150', 'Gold User', '1.5', '2023-13', 'abc'),
        line('C000000150', BASIC, '-1', '10/2023', '-20'),
        line('C000000150', BASIC, '2000000', '2023-1', '1e3'),
        line('C000000150', BASIC, '1', '2023-10', '100000000000'),
      ),
    );
    expect(errors.map((e) => [e.line, e.column, e.rule])).toEqual([
      [2, 'customerId', 'required'],
      [2, 'quantity', 'required'],
      [3, 'customerId', 'format'],
      [3, 'package', 'unknown-package'],
      [3, 'quantity', 'integer'],
      [3, 'period', 'format'],
      [3, 'amount', 'decimal'],
      [4, 'quantity', 'min'],
      [4, 'period', 'format'],
      [4, 'amount', 'min'],
      [5, 'quantity', 'max'],
      [5, 'period', 'format'],
      [5, 'amount', 'decimal'],
      [6, 'amount', 'max'],
    ]);
  });

  it("answers a customer outside the importer's tree exactly as one that does not exist", () => {
    const [foreign, missing] = [
      errorsOf(file(HEADER, line('C000000900', BASIC, '1', '2023-10', '20'))),
      errorsOf(file(HEADER, line('C000000999', BASIC, '1', '2023-10', '20'))),
    ];
    expect(foreign).toEqual([
      {
        line: 2,
        column: 'customerId',
        rule: 'unknown-customer',
        message: 'customer C000000900 does not exist',
      },
    ]);
    expect({ ...foreign[0], message: foreign[0]?.message.replace('C000000900', 'C000000999') }).toEqual(
      missing[0],
    );
  });

  it('reports the same customer, package and month twice, naming the first line', () => {
    const errors = errorsOf(
      file(
        HEADER,
        line('C000000150', BASIC, '1', '2023-10', '20'),
        line('C000000150', PREMIUM, '1', '2023-10', '30'),
        line('C000000150', BASIC, '1', '2023-10', '20'),
      ),
    );
    expect(errors).toEqual([
      {
        line: 4,
        column: null,
        rule: 'duplicate-line',
        message: expect.stringContaining('on line 2 already'),
      },
    ]);
  });

  it('escapes control characters and unpaired surrogates of a cell it shows', () => {
    const [error] = errorsOf(file(HEADER, line('C000000150', 'Basic\u0000\ud800', '1', '2023-10', '20')));
    expect(error?.message).toBe('"Basic\\u0000\\ud800" is not a package of the catalog');
  });

  it('refuses more lines than an invoice holds', () => {
    const rows = file(
      HEADER,
      ...Array.from({ length: MAX_INVOICE_LINES + 1 }, () => line('C000000150', BASIC, '1', '2023-10', '20')),
    );
    expect(errorsOf(rows)).toEqual([
      { line: MAX_INVOICE_LINES + 2, column: null, rule: 'too-many-lines', message: expect.any(String) },
    ]);
  });

  it('lists the first bad cells of a file of garbage and counts the rest', () => {
    const errors = errorsOf(
      file(HEADER, ...Array.from({ length: MAX_LISTED_ERRORS }, () => line('x y', 'x', 'x', 'x', 'x'))),
    );
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors.at(-1)).toEqual({
      line: 202,
      column: null,
      rule: 'too-many-errors',
      message: `${4 * MAX_LISTED_ERRORS} more bad cells from this line on are not listed`,
    });
  });

  it('names the customers the customerId column holds, for the scope look-up', () => {
    expect(
      namedCustomers(
        file(
          ['amount', 'customerId'],
          line('1', 'C000000150'),
          line('2', 'C000000150'),
          line('3', 'bad id'),
          line('4', 'C000000900'),
        ),
      ),
    ).toEqual(['C000000150', 'C000000900']);
  });
});
