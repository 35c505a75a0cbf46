import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODELS_SCHEMA } from './columns.js';

@Entity({ schema: READ_MODELS_SCHEMA, name: 'resellers' })
export class ResellerRow {
  @PrimaryColumn({ name: 'reseller_id', type: 'text' }) resellerId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'parent_reseller_id', type: 'text', nullable: true }) parentResellerId: string | null;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
}

@Entity({ schema: READ_MODELS_SCHEMA, name: 'customers' })
export class CustomerRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'reseller_id', type: 'text' }) resellerId: string;
  @Column({ name: 'service_plan', type: 'text' }) servicePlan: string;
  @Column({ name: 'billing_account', type: 'text' }) billingAccount: string;
  @Column({ type: 'jsonb' }) sites: { name: string; extensionMin: number; extensionMax: number }[];
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
}
