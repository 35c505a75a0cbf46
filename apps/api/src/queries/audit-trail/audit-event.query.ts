import type { Pool } from 'pg';
import { AUDIT_COLUMNS, auditItem, type AuditRowSql } from './audit-rows.js';
import { type AuditScope, inScope, SqlParams } from './audit-scope.js';

interface AuditEventSql extends AuditRowSql {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** One row with the event's data and metadata (correlation and causation ids), or undefined when it is not in scope or not there. */
export async function auditEvent(pool: Pool, scope: AuditScope, position: number) {
  const params = new SqlParams();
  const sql = `SELECT ${AUDIT_COLUMNS}, a.data, a.metadata FROM read_models.audit_log a
                WHERE a.position = ${params.add(position)} AND ${inScope(scope, params)}`;
  const [row] = (await pool.query<AuditEventSql>(sql, params.values)).rows;
  return row && { ...auditItem(row), data: row.data, metadata: row.metadata };
}
