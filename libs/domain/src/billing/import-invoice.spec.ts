import { describe, expect, it } from 'vitest';
import { BASIC, PREMIUM } from '../testing/customer-fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import { command } from '../testing/metadata.js';
import {
  type ImportInvoice,
  type InvoiceImported,
  invoiceDecider,
  invoicedMonths,
} from './import-invoice.js';

const given = specFor(invoiceDecider);
const header = { line: 1, cells: ['customerId', 'package', 'quantity', 'period', 'amount'] };
const importOf = (...lines: string[][]) =>
  command<ImportInvoice>(
    'ImportInvoice',
    {
      invoiceId: 'inv-1',
      resellerId: 'RS-Vertical',
      fileName: 'october.csv',
      format: 'csv',
      rows: [header, ...lines.map((cells, index) => ({ line: index + 2, cells }))],
      visibleCustomers: ['C000000150', 'C000000151'],
      packages: [BASIC, PREMIUM],
    },
    { actor: 'analyst@rs-vertical', role: 'billing-analyst' },
  );
const imported = (lines: InvoiceImported['data']['lines']): InvoiceImported => ({
  type: 'InvoiceImported',
  data: { invoiceId: 'inv-1', resellerId: 'RS-Vertical', fileName: 'october.csv', format: 'csv', lines },
});

describe('ImportInvoice', () => {
  it('records the import with its file, format and every line', () => {
    given()
      .when(
        importOf(
          ['C000000150', PREMIUM, '1', '2023-10', '1.94'],
          ['C000000151', BASIC, '2', '2023-10', '40'],
        ),
      )
      .then([
        imported([
          {
            line: 2,
            customerId: 'C000000150',
            package: PREMIUM,
            quantity: 1,
            period: '2023-10',
            amount: 1.94,
          },
          { line: 3, customerId: 'C000000151', package: BASIC, quantity: 2, period: '2023-10', amount: 40 },
        ]),
      ]);
  });

  it('records nothing when one cell is bad, and lists every bad cell', () => {
    const error = given()
      .when(
        importOf(
          ['C000000150', PREMIUM, '1', '2023-10', '1.94'],
          ['C000000900', BASIC, 'two', '2023-10', '40'],
        ),
      )
      .thenThrows('invalid-invoice');
    expect(error.context).toMatchObject({
      fileName: 'october.csv',
      errors: [
        { line: 3, column: 'customerId', rule: 'unknown-customer' },
        { line: 3, column: 'quantity', rule: 'integer' },
      ],
    });
  });

  it('rejects importing under an invoice id already used', () => {
    given([imported([])])
      .when(importOf(['C000000150', PREMIUM, '1', '2023-10', '30']))
      .thenThrows('invoice-exists');
  });
});

describe('invoiced months', () => {
  it("groups an import's lines by customer and month: each group replaces what earlier imports said of it", () => {
    const [premium, basicNovember, basic] = [
      { line: 2, customerId: 'C000000150', package: PREMIUM, quantity: 1, period: '2023-10', amount: 30 },
      { line: 3, customerId: 'C000000150', package: BASIC, quantity: 1, period: '2023-11', amount: 20 },
      { line: 4, customerId: 'C000000150', package: BASIC, quantity: 2, period: '2023-10', amount: 40 },
    ];
    expect(invoicedMonths(imported([premium!, basicNovember!, basic!]))).toEqual([
      { customerId: 'C000000150', month: '2023-10', lines: [premium, basic] },
      { customerId: 'C000000150', month: '2023-11', lines: [basicNovember] },
    ]);
  });
});
