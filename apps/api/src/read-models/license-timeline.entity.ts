import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODELS_SCHEMA } from './columns.js';

/** Held licenses at the end of each day on which a final confirm changed them. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'license_timeline_days' })
export class LicenseTimelineDayRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ type: 'text' }) package: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'int' }) held: number;
}

/** Licenses added and returned by the final confirms of each month. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'license_timeline_months' })
export class LicenseTimelineMonthRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ type: 'text' }) package: string;
  @PrimaryColumn({ type: 'text' }) month: string;
  @Column({ type: 'int' }) adds: number;
  @Column({ type: 'int' }) returns: number;
}
