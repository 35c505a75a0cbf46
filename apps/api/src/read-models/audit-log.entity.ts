import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintKey, READ_MODELS_SCHEMA } from './columns.js';

/** One row per recorded event, in global position order. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'audit_log' })
export class AuditLogRow {
  @PrimaryColumn(bigintKey('position')) position: number;
  @Column({ name: 'stream_id', type: 'text' }) streamId: string;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text', nullable: true }) actor: string | null;
  @Column({ type: 'text', nullable: true }) role: string | null;
  @Column({ name: 'customer_id', type: 'text', nullable: true }) customerId: string | null;
  /** The reseller whose tree sees the row (its customer's, a child reseller's parent, an importer; none for the shared streams). */
  @Column({ name: 'reseller_id', type: 'text', nullable: true }) resellerId: string | null;
  @Column({ name: 'order_no', type: 'text', nullable: true }) orderNo: string | null;
  @Column({ type: 'int', nullable: true }) extension: number | null;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'jsonb' }) data: object;
  @Column({ type: 'jsonb' }) metadata: object;
  /** Its link in its stream's hash chain (projections/audit-chain.ts). */
  @Column({ type: 'text' }) hash: string;
}
