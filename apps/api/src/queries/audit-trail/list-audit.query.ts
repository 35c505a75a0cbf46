import type { Pool } from 'pg';
import { pageOf, type Page, type PageRequest } from '../query-params.js';
import type { AuditFilters } from './audit-filters.js';
import { type AuditItem, auditItem, type AuditRowSql, selectAudit } from './audit-rows.js';
import type { AuditScope } from './audit-scope.js';

/** A time window holding fewer rows than this is read through its index and sorted (at most this many rows). */
const SMALL_WINDOW_ROWS = 5000;

// An index-only count that stops at the cap: a millisecond whatever the window's size.
const WINDOW_ROWS = `
  SELECT count(*)::int AS n FROM (
    SELECT 1 FROM read_models.audit_log WHERE occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz LIMIT $3
  ) w`;

/**
 * Whether to read the time window first: walking the position order from its newest end (desc) or
 * oldest (asc) finds the window at once when it reaches that end, and otherwise only after every
 * row beyond it, which a small window read through its index avoids.
 */
export async function windowFirst(pool: Pool, filters: AuditFilters): Promise<boolean> {
  const far = filters.order === 'desc' ? filters.to : filters.from;
  if (far === undefined) return false;
  const counted = await pool.query<{ n: number }>(WINDOW_ROWS, [
    filters.from ?? '-infinity',
    filters.to ?? 'infinity',
    SMALL_WINDOW_ROWS,
  ]);
  return (counted.rows[0]?.n ?? 0) < SMALL_WINDOW_ROWS;
}

/**
 * A page of the audit trail in scope. The cursor is the last row's global position, so a page never
 * moves while events arrive: newer rows come above the first page (desc) or after the last (asc).
 */
export async function listAudit(
  pool: Pool,
  scope: AuditScope,
  filters: AuditFilters,
  page: PageRequest<number>,
): Promise<Page<AuditItem>> {
  const plan = { windowFirst: await windowFirst(pool, filters) };
  const { sql, params } = selectAudit(scope, filters, { after: page.cursor, limit: page.limit + 1 }, plan);
  const rows = await pool.query<AuditRowSql>(sql, params);
  return pageOf(rows.rows, page.limit, auditItem, (row) => Number(row.position));
}
