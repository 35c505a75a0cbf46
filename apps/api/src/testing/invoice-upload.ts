import ExcelJS from 'exceljs';
import type { Caller, TestResponse } from './test-app.js';

export const INVOICE_HEADER = ['customerId', 'package', 'quantity', 'period', 'amount'];

/** A CSV file of rows, cells quoted where they must be. */
export const csvOf = (rows: readonly (readonly unknown[])[]): string =>
  rows
    .map((row) =>
      row
        .map((cell) =>
          /[",\r\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell),
        )
        .join(','),
    )
    .join('\n') + '\n';

/** An XLSX workbook whose first sheet holds `rows` from row 1 (null leaves a cell empty, [] a row). */
export async function xlsxOf(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Invoice');
  rows.forEach((row, index) => {
    row.forEach((value, column) => {
      if (value !== null) sheet.getCell(index + 1, column + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** POST /api/invoices as multipart/form-data with the file in field `file` (and any other fields). */
export function uploadInvoice(
  caller: Caller,
  fileName: string,
  content: string | Buffer,
  {
    headers = {},
    fields = {},
    field = 'file',
  }: { headers?: Record<string, string>; fields?: Record<string, string>; field?: string } = {},
): Promise<TestResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(field, new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), fileName);
  return caller.postForm('/api/invoices', form, headers);
}
