import { type InvoicedMonth, invoicedMonths } from '@ledger/domain';
import { eventsOf, type Projection } from './projection.js';
import { recordsetOf, type TableSpec, upsert } from './row-set.js';

interface InvoiceLineRow {
  customerId: string;
  month: string;
  package: string;
  quantity: number;
  amount: number;
  invoiceId: string;
  line: number;
  importedPosition: number;
}

const INVOICE_LINES: TableSpec<InvoiceLineRow> = {
  table: 'invoice_lines',
  key: ['customerId', 'month', 'package'],
  columns: {
    customerId: 'text',
    month: 'text',
    package: 'text',
    quantity: 'int4',
    amount: 'numeric',
    invoiceId: 'text',
    line: 'int4',
    importedPosition: 'int8',
  },
};

interface Imported extends InvoicedMonth {
  readonly invoiceId: string;
  readonly position: number;
}

const rowsOf = ({ lines, month, invoiceId, position }: Imported): InvoiceLineRow[] =>
  lines.map((line) => ({
    customerId: line.customerId,
    month,
    package: line.package,
    quantity: line.quantity,
    amount: line.amount,
    invoiceId,
    line: line.line,
    importedPosition: position,
  }));

/**
 * The invoiced lines per customer, month and package. A later import naming a customer-month
 * replaces all that customer-month's lines (the domain's `invoicedMonths`): within a batch the last
 * import of each customer-month wins, and its rows take the place of every stored row of it.
 */
export const invoiceLinesProjection: Projection = {
  name: 'invoice-lines',
  eventTypes: ['InvoiceImported'],
  tables: ['invoice_lines'],
  async apply(events, sql) {
    const latest = new Map<string, Imported>();
    for (const { event, position } of eventsOf(events, 'InvoiceImported')) {
      for (const month of invoicedMonths(event))
        latest.set(JSON.stringify([month.customerId, month.month]), {
          ...month,
          invoiceId: event.data.invoiceId,
          position,
        });
    }
    if (latest.size === 0) return;
    const replaced = recordsetOf(
      INVOICE_LINES,
      ['customerId', 'month'],
      [...latest.values()].map(({ customerId, month }) => ({ customerId, month })),
    );
    await sql.query(
      `DELETE FROM invoice_lines WHERE (customer_id, month) IN ${replaced.sql}`,
      replaced.params,
    );
    await upsert(sql, INVOICE_LINES, [...latest.values()].flatMap(rowsOf));
  },
};
