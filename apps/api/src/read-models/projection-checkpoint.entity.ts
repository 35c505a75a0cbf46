import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, READ_MODELS_SCHEMA } from './columns.js';

/** How far each projection got; written in the same transaction as the projection's rows. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column(bigintColumn('position')) position: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'text' }) status: 'live' | 'rebuilding' | 'faulted';
  @Column(bigintColumn('rebuild_position', { nullable: true })) rebuildPosition: number | null;
  @Column(bigintColumn('rebuild_total', { nullable: true })) rebuildTotal: number | null;
  @Column({ name: 'rebuild_started_at', type: 'timestamptz', nullable: true }) rebuildStartedAt: Date | null;
  @Column({ name: 'rebuild_updated_at', type: 'timestamptz', nullable: true }) rebuildUpdatedAt: Date | null;
  @Column(bigintColumn('fault_position', { nullable: true })) faultPosition: number | null;
  @Column({ name: 'fault_reason', type: 'text', nullable: true }) faultReason: string | null;
}
