import type { JsonObject } from '@ledger/event-store';
import { customerIdOfStream, LEDGER_EVENT_TYPES } from '@ledger/domain';
import { auditSummary } from './audit-summary.js';
import type { ProjectedEvent, Projection } from './projection.js';
import { upsert, type TableSpec } from './row-set.js';

interface AuditRow {
  position: number;
  streamId: string;
  type: string;
  occurredAt: string;
  actor: string | null;
  role: string | null;
  customerId: string | null;
  orderNo: string | null;
  extension: number | null;
  summary: string;
  data: JsonObject;
  metadata: JsonObject;
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
    orderNo: 'text',
    extension: 'int4',
    summary: 'text',
    data: 'jsonb',
    metadata: 'jsonb',
  },
};

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const rowOf = (e: ProjectedEvent): AuditRow => ({
  position: e.position,
  streamId: e.streamId,
  type: e.type,
  occurredAt: e.occurredAt,
  actor: textOf(e.metadata.actor),
  role: textOf(e.metadata.role),
  customerId: textOf(e.data.customerId) ?? customerIdOfStream(e.streamId) ?? null,
  orderNo: textOf(e.data.orderNo),
  extension: typeof e.data.extension === 'number' ? e.data.extension : null,
  summary: e.event ? auditSummary(e.event) : `${e.type} (not known to this version of the ledger)`,
  data: e.data,
  metadata: e.metadata,
});

/** One row per event, every event, with who, when, what and a readable summary. */
export const auditLogProjection: Projection = {
  name: 'audit-log',
  eventTypes: LEDGER_EVENT_TYPES,
  tables: ['audit_log'],
  apply: (events, sql) => upsert(sql, AUDIT_LOG, events.map(rowOf)),
};
