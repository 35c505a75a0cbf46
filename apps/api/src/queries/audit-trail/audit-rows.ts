import type { AuditFilters } from './audit-filters.js';
import { type AuditScope, inScope, SqlParams } from './audit-scope.js';

/** An audit row as SQL hands it over (bigint as text: pg leaves int8 to the caller). */
export interface AuditRowSql {
  position: string;
  stream_id: string;
  type: string;
  occurred_at: Date;
  actor: string | null;
  role: string | null;
  customer_id: string | null;
  order_no: string | null;
  extension: number | null;
  summary: string;
  hash: string;
}

export const AUDIT_COLUMNS =
  'a.position, a.stream_id, a.type, a.occurred_at, a.actor, a.role, a.customer_id, a.order_no, a.extension, a.summary, a.hash';

/** A row as API.md names its fields, in the list, the CSV export (same order) and the detail. */
export const auditItem = (row: AuditRowSql) => ({
  position: Number(row.position),
  streamId: row.stream_id,
  type: row.type,
  occurredAt: row.occurred_at.toISOString(),
  actor: row.actor,
  role: row.role,
  customerId: row.customer_id,
  orderNo: row.order_no,
  extension: row.extension,
  summary: row.summary,
  hash: row.hash,
});

export type AuditItem = ReturnType<typeof auditItem>;

/** Which stretch of the position order to read: after `after` (in the filters' order), at most `limit` rows, none past `upTo`. */
export interface AuditWindow {
  readonly after?: number | undefined;
  readonly limit: number;
  readonly upTo?: number | undefined;
}

/** `%` and `_` in the text are meant literally. */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface AuditPlan {
  /**
   * Read the time window through its (occurred_at, position) index and sort it, rather than walk
   * the position order until enough rows match: right for a window of few rows far from the end
   * the walk starts at. The planner takes a window's rows as spread evenly over the positions and
   * walks, so the caller decides (list-audit.query.ts).
   */
  readonly windowFirst?: boolean;
}

/**
 * One page of the rows in scope that match the filters, by position. Only the filters given become
 * conditions, each on a column an index starts with (customer_id, actor, type, occurred_at,
 * order_no), so the planner can start from the narrowest and stop after `limit` rows.
 */
export function selectAudit(
  scope: AuditScope,
  filters: AuditFilters,
  window: AuditWindow,
  plan: AuditPlan = {},
): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const where = [inScope(scope, params)];
  if (filters.customerId !== undefined) where.push(`a.customer_id = ${params.add(filters.customerId)}`);
  if (filters.extension !== undefined) where.push(`a.extension = ${params.add(filters.extension)}`);
  if (filters.orderNo !== undefined) where.push(`a.order_no = ${params.add(filters.orderNo)}`);
  if (filters.actor !== undefined) where.push(`a.actor = ${params.add(filters.actor)}`);
  if (filters.role !== undefined) where.push(`a.role = ${params.add(filters.role)}`);
  if (filters.from !== undefined) where.push(`a.occurred_at >= ${params.add(filters.from)}::timestamptz`);
  if (filters.to !== undefined) where.push(`a.occurred_at < ${params.add(filters.to)}::timestamptz`);
  if (filters.q !== undefined) {
    const pattern = params.add(containing(filters.q));
    where.push(
      `(a.summary ILIKE ${pattern} OR a.actor ILIKE ${pattern} OR a.order_no = ${params.add(filters.q)})`,
    );
  }
  const direction = filters.order === 'desc' ? 'DESC' : 'ASC';
  if (window.after !== undefined)
    where.push(`a.position ${direction === 'DESC' ? '<' : '>'} ${params.add(window.after)}`);
  if (window.upTo !== undefined) where.push(`a.position <= ${params.add(window.upTo)}`);
  const limit = params.add(window.limit);
  // `+ 0` hides the primary key's order from the planner, which then reads the window and sorts it.
  const order = `a.position${plan.windowFirst ? ' + 0' : ''} ${direction}`;
  const select = (type?: string) =>
    `SELECT ${AUDIT_COLUMNS} FROM read_models.audit_log a
      WHERE ${[...where, ...(type === undefined ? [] : [`a.type = ${params.add(type)}`])].join('\n AND ')}
      ORDER BY ${order} LIMIT ${limit}`;
  const types = [...new Set(filters.type ?? [])];
  if (types.length <= 1) return { sql: select(types[0]), params: params.values };
  // One branch per type, each read in the position order of the (type, position) index and merged:
  // PostgreSQL 15 reads `type = ANY(...)` out of that order, so it would sort every row of the types.
  const branches = types.map((type) => `(${select(type)})`).join(' UNION ALL ');
  return {
    sql: `SELECT * FROM (${branches}) u ORDER BY u.position ${direction} LIMIT ${limit}`,
    params: params.values,
  };
}
