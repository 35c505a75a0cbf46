import type { Pool } from 'pg';
import { stringify, type Stringifier } from 'csv-stringify';
import type { AuditFilters } from './audit-filters.js';
import { type AuditItem, auditItem, type AuditRowSql, selectAudit } from './audit-rows.js';
import type { AuditScope } from './audit-scope.js';

/** Rows fetched per query: a page's memory is what the export holds, whatever the log's size. */
export const EXPORT_PAGE_ROWS = 1000;

/** The columns of the CSV, in the order and with the names of the list's items. */
export const AUDIT_CSV_COLUMNS: readonly (keyof AuditItem)[] = [
  'position',
  'streamId',
  'type',
  'occurredAt',
  'actor',
  'role',
  'customerId',
  'orderNo',
  'extension',
  'summary',
  'hash',
];

/** What an export reads through: the pool, or anything that queries like it. */
export type Queryable = Pick<Pool, 'query'>;

/**
 * Every row in scope matching the filters, read page after page by position (keyset), each page
 * fetched only when the consumer has taken the last: memory stays one page, a slow client holds no
 * connection, and on the embedded engine (one connection) the projector goes on between pages. The
 * rows are those up to the log's last position when the export started, so it ends, and it is one
 * snapshot however fast events arrive. The first page is read before this returns, so a failure to
 * start is an error response, not a cut-off file.
 */
export async function openAuditExport(
  db: Queryable,
  scope: AuditScope,
  filters: AuditFilters,
  pageRows = EXPORT_PAGE_ROWS,
): Promise<AsyncGenerator<AuditItem>> {
  const last = await db.query<{ position: string | null }>(
    'SELECT max(position) AS position FROM read_models.audit_log',
  );
  const upTo = Number(last.rows[0]?.position ?? 0);
  const page = async (after: number | undefined) => {
    const { sql, params } = selectAudit(scope, filters, { after, limit: pageRows, upTo });
    return (await db.query<AuditRowSql>(sql, params)).rows;
  };
  const first = await page(undefined);
  return (async function* rows() {
    for (let rows = first; ;) {
      for (const row of rows) yield auditItem(row);
      const end = rows.at(-1);
      if (rows.length < pageRows || end === undefined) return;
      rows = await page(Number(end.position));
    }
  })();
}

/**
 * RFC 4180 CSV (CRLF line ends, a header row, fields with a comma, quote or line break quoted and
 * quotes doubled). A text cell that starts with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it as a formula (CSV injection:
 * actors, names and reasons are typed in by users).
 */
export const auditCsv = (): Stringifier =>
  stringify({
    header: true,
    columns: AUDIT_CSV_COLUMNS.map((key) => ({ key })),
    record_delimiter: 'windows',
    escape_formulas: true,
  });
