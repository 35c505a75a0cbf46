import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyColumn, READ_MODELS_SCHEMA } from './columns.js';

@Entity({ schema: READ_MODELS_SCHEMA, name: 'orders' })
export class OrderRow {
  @PrimaryColumn({ name: 'order_no', type: 'text' }) orderNo: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'service_plan', type: 'text' }) servicePlan: string;
  @Column({ type: 'text' }) note: string;
  @Column({ name: 'order_date', type: 'timestamptz' }) orderDate: Date;
  @Column({ name: 'change_date', type: 'date' }) changeDate: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true }) rejectedAt: Date | null;
  @Column({ name: 'reject_reason', type: 'text', nullable: true }) rejectReason: string | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'final_confirmed_at', type: 'timestamptz', nullable: true }) finalConfirmedAt: Date | null;
  @Column({ name: 'effective_date', type: 'date', nullable: true }) effectiveDate: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** An order item; once the order is final confirmed it also holds the confirm screen's columns. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'order_items' })
export class OrderItemRow {
  @PrimaryColumn({ name: 'order_no', type: 'text' }) orderNo: string;
  @PrimaryColumn({ name: 'item_no', type: 'int' }) itemNo: number;
  @Column({ name: 'item_group', type: 'text' }) itemGroup: string;
  @Column({ type: 'text' }) package: string;
  @Column({ type: 'int' }) quantity: number;
  @Column({ name: 'trial_days', type: 'int' }) trialDays: number;
  @Column({ name: 'billing_account', type: 'text' }) billingAccount: string;
  @Column({ type: 'text' }) comment: string;
  @Column(moneyColumn('customer_price')) customerPrice: number;
  @Column({ name: 'act_date', type: 'date', nullable: true }) actDate: string | null;
  @Column({ name: 'billing_start', type: 'date', nullable: true }) billingStart: string | null;
  @Column({ name: 'now_quantity', type: 'int', nullable: true }) nowQuantity: number | null;
  @Column({ name: 'order_quantity', type: 'int', nullable: true }) orderQuantity: number | null;
  @Column({ name: 'to_be_quantity', type: 'int', nullable: true }) toBeQuantity: number | null;
}
