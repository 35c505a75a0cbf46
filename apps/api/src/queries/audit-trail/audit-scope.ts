import type { Pool } from 'pg';
import type { Principal } from '../../auth/principal.js';
import { scopeParams, VISIBLE_CUSTOMERS } from '../read-model-scope.js';

/**
 * The audit rows a caller may read: those owned by a reseller of its tree (each row names it:
 * audit-log.projection.ts), a customer manager's only of its own customer. Ownership goes by whole
 * streams (a customer's account and its order numbers' claims, a child reseller's registration, an
 * import; the shared catalog and order number blocks are no tenant's), so each chain in scope can be
 * checked from its first row without reading a row outside it. A tree is a handful of resellers,
 * where its customers may be thousands: the query gets a short list the planner weighs at once.
 */
export interface AuditScope {
  readonly resellers: readonly string[];
  /** A customer manager's own customer. */
  readonly customer?: string | undefined;
}

// `visible` is left unread, so PostgreSQL does not compute it.
const TREE = `${VISIBLE_CUSTOMERS} SELECT ARRAY(SELECT reseller_id FROM scope) AS resellers`;

/** The caller's reseller and its descendants, from the read model (the API's guard has checked the reseller exists). */
export async function auditScopeOf(pool: Pool, principal: Principal): Promise<AuditScope> {
  const [resellerId, customer] = scopeParams(principal);
  const result = await pool.query<{ resellers: string[] }>(TREE, [resellerId, customer]);
  return { resellers: result.rows[0]?.resellers ?? [], customer: customer ?? undefined };
}

/** Numbered placeholders for a statement built from optional parts. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/** The rows of table alias `a` in scope. */
export function inScope(scope: AuditScope, params: SqlParams): string {
  // One reseller (most trees) as an equality, so its (reseller_id, position) index range is read in order.
  const [only] = scope.resellers;
  const owned =
    scope.resellers.length === 1
      ? `a.reseller_id = ${params.add(only)}`
      : `a.reseller_id = ANY(${params.add(scope.resellers)}::text[])`;
  return scope.customer === undefined
    ? owned
    : `(${owned} AND a.customer_id = ${params.add(scope.customer)})`;
}
