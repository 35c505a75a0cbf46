import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyColumn, READ_MODELS_SCHEMA } from './columns.js';

/** One license's billable period (libs/domain billing rules): billing start up to end (not billed). */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'license_periods' })
export class LicensePeriodRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  /** The customer's licenses numbered in order of confirmation. */
  @PrimaryColumn({ name: 'license_no', type: 'int' }) licenseNo: number;
  @Column({ type: 'text' }) package: string;
  @Column({ name: 'billing_start', type: 'date' }) billingStart: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column(moneyColumn('customer_price')) customerPrice: number;
  @Column({ name: 'order_no', type: 'text' }) orderNo: string;
  @Column({ name: 'returned_on', type: 'date', nullable: true }) returnedOn: string | null;
}
