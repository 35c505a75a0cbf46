import {
  CATALOG_STREAM,
  customerIdOfStream,
  customerStream,
  LEDGER_EVENT_TYPES,
  ORDER_NUMBERS_STREAM,
  resellerStream,
} from '@ledger/domain';
import { type AuditContent, auditHash } from './audit-chain.js';
import { auditSummary } from './audit-summary.js';
import type { ProjectedEvent, Projection } from './projection.js';
import { type Sql, upsert, type TableSpec } from './row-set.js';

/** The columns read out of an event's data and metadata, for filtering and scoping. */
export interface AuditColumns {
  readonly actor: string | null;
  readonly role: string | null;
  readonly customerId: string | null;
  /** The reseller whose tree sees the row: what a tenant's audit trail is scoped on. */
  readonly resellerId: string | null;
  readonly orderNo: string | null;
  readonly extension: number | null;
}

interface AuditRow extends AuditContent, AuditColumns {
  readonly summary: string;
  readonly hash: string;
}

const AUDIT_LOG: TableSpec<AuditRow> = {
  table: 'audit_log',
  key: ['position'],
  columns: {
    position: 'int8',
    streamId: 'text',
    type: 'text',
    occurredAt: 'timestamptz',
    actor: 'text',
    role: 'text',
    customerId: 'text',
    resellerId: 'text',
    orderNo: 'text',
    extension: 'int4',
    summary: 'text',
    data: 'jsonb',
    metadata: 'jsonb',
    hash: 'text',
  },
};

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const SHARED_STREAMS: ReadonlySet<string> = new Set([CATALOG_STREAM, ORDER_NUMBERS_STREAM]);

/**
 * The reseller whose tree sees a row: a customer's rows (its account's and its order numbers'
 * claims) its reseller's; a reseller's registration its parent's, whose admin recorded it (a root's,
 * the carrier's act, no tenant's); anything else naming a reseller (an invoice import) that
 * reseller's; the shared streams, which interleave every tenant's acts, no tenant's.
 */
const ownerOf = (
  content: Pick<AuditContent, 'streamId' | 'data'>,
  customerId: string | null,
  customerReseller: string | null,
) => {
  if (SHARED_STREAMS.has(content.streamId)) return null;
  if (customerId !== null) return customerReseller;
  const named = textOf(content.data.resellerId);
  return named !== null && content.streamId === resellerStream(named)
    ? textOf(content.data.parentResellerId)
    : named;
};

/** The customer a row is about: a customer stream's (whatever its data says), else the one its data names. */
export const customerOf = (content: Pick<AuditContent, 'streamId' | 'data'>): string | null =>
  customerIdOfStream(content.streamId) ?? textOf(content.data.customerId);

/** The reseller a row gives its customer: a customer's registration names it, no other row does. */
export const registeredReseller = (content: Pick<AuditContent, 'type' | 'data'>): string | null =>
  content.type === 'CustomerRegistered' ? textOf(content.data.resellerId) : null;

/**
 * Pure, so `verify` can check a stored row's columns against its content. `customerReseller` is the
 * reseller of the row's customer, which only the customer's registration says (the caller looks it
 * up). All of a stream's rows fall in the same tenant's scope, so it can check each chain in its
 * scope from the first row.
 */
export const auditColumns = (
  content: Pick<AuditContent, 'streamId' | 'data' | 'metadata'>,
  customerReseller: string | null,
): AuditColumns => {
  const customerId = customerOf(content);
  return {
    actor: textOf(content.metadata.actor),
    role: textOf(content.metadata.role),
    customerId,
    resellerId: ownerOf(content, customerId, customerReseller),
    orderNo: textOf(content.data.orderNo),
    extension: typeof content.data.extension === 'number' ? content.data.extension : null,
  };
};

const contentOf = (e: ProjectedEvent): AuditContent => ({
  position: e.position,
  streamId: e.streamId,
  type: e.type,
  occurredAt: e.occurredAt,
  data: e.data,
  metadata: e.metadata,
});

/**
 * What a batch needs from the rows before it, one index probe each on (stream_id, position): the
 * hash each stream's chain ends with before the batch, and the reseller each customer's
 * registration (its stream's first row) gave it. Unqualified: the batch's search_path picks the
 * live tables or a rebuild's.
 */
const BEFORE_BATCH = `
  SELECT (SELECT coalesce(json_object_agg(s.stream_id, last.hash), '{}')
            FROM unnest($1::text[]) AS s(stream_id)
            CROSS JOIN LATERAL (SELECT a.hash FROM audit_log a WHERE a.stream_id = s.stream_id AND a.position < $2
                                 ORDER BY a.position DESC LIMIT 1) last) AS hashes,
         (SELECT coalesce(json_object_agg(c.customer_id, registered.reseller_id), '{}')
            FROM unnest($3::text[]) AS c(customer_id)
            CROSS JOIN LATERAL (SELECT a.reseller_id FROM audit_log a WHERE a.stream_id = $4 || c.customer_id
                                 ORDER BY a.position LIMIT 1) registered) AS resellers`;

async function beforeBatch(sql: Sql, events: readonly ProjectedEvent[], position: number) {
  const streams = [...new Set(events.map((e) => e.streamId))];
  const customers = [...new Set(events.map(customerOf).filter((id) => id !== null))];
  const result = await sql.query<{
    hashes: Record<string, string>;
    resellers: Record<string, string | null>;
  }>(BEFORE_BATCH, [streams, position, customers, customerStream('')]);
  const row = result.rows[0];
  return {
    chains: new Map(Object.entries(row?.hashes ?? {})),
    resellers: new Map(Object.entries(row?.resellers ?? {})),
  };
}

async function apply(events: readonly ProjectedEvent[], sql: Sql): Promise<void> {
  const first = events[0];
  if (first === undefined) return;
  const { chains, resellers } = await beforeBatch(sql, events, first.position);
  const rows = events.map((e): AuditRow => {
    const content = contentOf(e);
    const hash = auditHash(chains.get(e.streamId) ?? null, content);
    chains.set(e.streamId, hash);
    const customerId = customerOf(content);
    const registered = registeredReseller(content);
    if (customerId !== null && registered !== null) resellers.set(customerId, registered);
    const columns = auditColumns(content, customerId === null ? null : (resellers.get(customerId) ?? null));
    const summary = e.event ? auditSummary(e.event) : `${e.type} (not known to this version of the ledger)`;
    return { ...content, ...columns, summary, hash };
  });
  await upsert(sql, AUDIT_LOG, rows);
}

/** One row per event, every event, with who, when, what, a readable summary and its link in its stream's hash chain. */
export const auditLogProjection: Projection = {
  name: 'audit-log',
  eventTypes: LEDGER_EVENT_TYPES,
  tables: ['audit_log'],
  apply,
};
