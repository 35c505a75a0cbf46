import type { Pool } from 'pg';
import { type AuditContent, auditHash } from '../../projections/audit-chain.js';
import { customerStream } from '@ledger/domain';
import {
  type AuditColumns,
  auditColumns,
  registeredReseller,
} from '../../projections/audit-log.projection.js';
import { type AuditScope, inScope, SqlParams } from './audit-scope.js';

/** Rows read per query: what a verification holds in memory, however long the chains. */
export const VERIFY_PAGE_ROWS = 2000;

interface ChainRowSql {
  position: string;
  stream_id: string;
  type: string;
  occurred_at: Date;
  data: AuditContent['data'];
  metadata: AuditContent['metadata'];
  actor: string | null;
  role: string | null;
  customer_id: string | null;
  reseller_id: string | null;
  order_no: string | null;
  extension: number | null;
  hash: string;
  /** The reseller its customer's registration names, for a row outside the customer's own stream (an order number's claim). */
  registered_reseller: string | null;
}

export interface BrokenLink {
  readonly position: number;
  readonly streamId: string;
}

export interface Verification {
  readonly ok: boolean;
  /** The rows checked: every row in the caller's scope. */
  readonly checked: number;
  /** The lowest position whose row does not match its content or its predecessor, null when none. */
  readonly firstBroken: BrokenLink | null;
}

const contentOf = (row: ChainRowSql): AuditContent => ({
  position: Number(row.position),
  streamId: row.stream_id,
  type: row.type,
  occurredAt: row.occurred_at.toISOString(),
  data: row.data,
  metadata: row.metadata,
});

const COLUMN_OF: { readonly [K in keyof AuditColumns]: keyof ChainRowSql } = {
  actor: 'actor',
  role: 'role',
  customerId: 'customer_id',
  resellerId: 'reseller_id',
  orderNo: 'order_no',
  extension: 'extension',
};

/**
 * A row holds if its hash is that of its predecessor's stored hash and its content, and its filter
 * and scope columns are what its content says (an edited customer_id or reseller_id would move a
 * row into another tenant's trail). The summary is left out: it is this build's wording of the
 * data, which a later build may change without the facts changing.
 */
const holds = (row: ChainRowSql, previous: string | null, customerReseller: string | null): boolean => {
  const content = contentOf(row);
  const columns = auditColumns(content, customerReseller);
  const keys = Object.keys(COLUMN_OF) as (keyof AuditColumns)[];
  return (
    auditHash(previous, content) === row.hash && keys.every((key) => columns[key] === row[COLUMN_OF[key]])
  );
};

/**
 * The reseller of each row's customer, as its registration says (in its data, which the
 * registration's own hash covers): a customer stream's first row is its registration, so for the
 * rows of that stream it is carried along; a row elsewhere (a claim) looks its customer's up.
 */
const REGISTERED_RESELLER = (prefix: string) => `
  CASE WHEN a.customer_id IS NULL OR a.stream_id = ${prefix} || a.customer_id THEN NULL
       ELSE (SELECT r.data->>'resellerId' FROM read_models.audit_log r
              WHERE r.stream_id = ${prefix} || a.customer_id ORDER BY r.position LIMIT 1) END`;

/**
 * Re-checks every chain in scope, stream by stream in position order, a page at a time (keyset on
 * the (stream_id, position) index): memory is one page whatever the log's length. A stream's first
 * row in scope is its first row (the scope takes whole streams), so it chains from null. Every row is
 * checked, also after a break, so `checked` counts the scope and `firstBroken` is the lowest break.
 */
export async function verifyAudit(
  pool: Pool,
  scope: AuditScope,
  pageRows = VERIFY_PAGE_ROWS,
): Promise<Verification> {
  let checked = 0;
  let firstBroken: BrokenLink | null = null;
  let last: ChainRowSql | undefined;
  let streamReseller: string | null = null;
  for (;;) {
    const params = new SqlParams();
    const registered = REGISTERED_RESELLER(params.add(customerStream('')));
    const after = last
      ? `AND (a.stream_id, a.position) > (${params.add(last.stream_id)}, ${params.add(last.position)}::bigint)`
      : '';
    const sql = `SELECT a.position, a.stream_id, a.type, a.occurred_at, a.data, a.metadata, a.actor, a.role,
                        a.customer_id, a.reseller_id, a.order_no, a.extension, a.hash, ${registered} AS registered_reseller
                   FROM read_models.audit_log a
                  WHERE ${inScope(scope, params)} ${after}
                  ORDER BY a.stream_id, a.position LIMIT ${params.add(pageRows)}`;
    const rows = (await pool.query<ChainRowSql>(sql, params.values)).rows;
    for (const row of rows) {
      const sameStream = last?.stream_id === row.stream_id;
      const previous = sameStream ? (last?.hash ?? null) : null;
      if (!sameStream) streamReseller = registeredReseller(contentOf(row));
      const customerReseller =
        row.stream_id === customerStream(row.customer_id ?? '') ? streamReseller : row.registered_reseller;
      if (
        !holds(row, previous, customerReseller) &&
        (firstBroken === null || Number(row.position) < firstBroken.position)
      )
        firstBroken = { position: Number(row.position), streamId: row.stream_id };
      checked++;
      last = row;
    }
    if (rows.length < pageRows) return { ok: firstBroken === null, checked, firstBroken };
  }
}
