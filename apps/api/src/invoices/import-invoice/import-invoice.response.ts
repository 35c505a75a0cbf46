import { z } from 'zod';
import { badRequestProblem, problemSchema } from '../../http/api-problems.js';
import { named, position } from '../../http/api-responses.js';

export const importedInvoice = named(
  'ImportedInvoice',
  z.object({
    invoiceId: z.string(),
    lines: z.int().describe('How many invoice lines were imported'),
    position,
  }),
);

const invoiceCellError = named(
  'InvoiceCellError',
  z.object({
    line: z.int().describe('Counted from 1, the header row being line 1 (the sheet row in XLSX)'),
    column: z.string().nullable().describe('The header name; null for a problem with the whole row'),
    rule: z.string(),
    message: z.string(),
  }),
);

const invoiceProblem = problemSchema(
  'InvoiceProblem',
  'An invoice with bad cells (`invalid-invoice`): every one is listed, and nothing was imported',
  { errors: z.array(invoiceCellError) },
);

/** The 400 of an import: the upload itself is wrong (validation-failed), or cells of the invoice are. */
export const importInvoiceProblem = named(
  'ImportInvoiceProblem',
  z.union([invoiceProblem, badRequestProblem]),
);
