/**
 * Importing a carrier's invoice: the `invoice-<invoiceId>` stream, one per import. The import is a
 * fact of its own (who and when are in the metadata), recorded whole or not at all.
 */
import type { Command, Decider, DomainEvent } from '../shared/decider.js';
import { InvalidInvoice, InvoiceExists } from '../shared/errors.js';
import {
  type ImportedInvoiceLine,
  type InvoiceReferences,
  type InvoiceRow,
  validateInvoice,
} from './invoice-rows.js';

export type InvoiceFormat = 'csv' | 'xlsx';

export interface ImportInvoiceData extends InvoiceReferences {
  readonly invoiceId: string;
  /** The importer's reseller. */
  readonly resellerId: string;
  readonly fileName: string;
  readonly format: InvoiceFormat;
  /** The file's rows, header first, as text. */
  readonly rows: readonly InvoiceRow[];
}

export type ImportInvoice = Command<'ImportInvoice', ImportInvoiceData>;

export type InvoiceImported = DomainEvent<
  'InvoiceImported',
  {
    readonly invoiceId: string;
    readonly resellerId: string;
    readonly fileName: string;
    readonly format: InvoiceFormat;
    readonly lines: readonly ImportedInvoiceLine[];
  }
>;

export type Invoice =
  { readonly status: 'none' } | { readonly status: 'imported'; readonly invoiceId: string };

export const decideInvoice = (command: ImportInvoice, state: Invoice): InvoiceImported[] => {
  const { invoiceId, resellerId, fileName, format, rows } = command.data;
  if (state.status === 'imported') throw InvoiceExists({ invoiceId });
  const read = validateInvoice(rows, command.data);
  if (!read.ok) throw InvalidInvoice({ fileName, errors: read.errors });
  return [{ type: 'InvoiceImported', data: { invoiceId, resellerId, fileName, format, lines: read.lines } }];
};

export const invoiceDecider: Decider<ImportInvoice, InvoiceImported, Invoice> = {
  decide: decideInvoice,
  evolve: (_state, event) => ({ status: 'imported', invoiceId: event.data.invoiceId }),
  initialState: () => ({ status: 'none' }),
};

/** An import's lines for one customer and month. */
export interface InvoicedMonth {
  readonly customerId: string;
  readonly month: string;
  readonly lines: readonly ImportedInvoiceLine[];
}

/**
 * What an import says about each customer-month it names. A carrier corrects an invoice by sending
 * it again, so a later import naming a customer and month replaces every line earlier imports had
 * for that customer-month (packages it no longer lists included); lines never add up across imports.
 */
export const invoicedMonths = (event: InvoiceImported): InvoicedMonth[] => {
  const months = new Map<string, { customerId: string; month: string; lines: ImportedInvoiceLine[] }>();
  for (const line of event.data.lines) {
    const key = JSON.stringify([line.customerId, line.period]);
    const month = months.get(key) ?? { customerId: line.customerId, month: line.period, lines: [] };
    month.lines.push(line);
    months.set(key, month);
  }
  return [...months.values()];
};
