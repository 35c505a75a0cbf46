import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODELS_SCHEMA } from './columns.js';

/** Held licenses from each day on which a change took effect (its effective date), and what took effect and left that day. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'license_timeline_days' })
export class LicenseTimelineDayRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ type: 'text' }) package: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'int' }) adds: number;
  @Column({ type: 'int' }) returns: number;
  @Column({ type: 'int' }) held: number;
}

/** Licenses that took effect and left in each month (by effective date). */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'license_timeline_months' })
export class LicenseTimelineMonthRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ type: 'text' }) package: string;
  @PrimaryColumn({ type: 'text' }) month: string;
  @Column({ type: 'int' }) adds: number;
  @Column({ type: 'int' }) returns: number;
}
