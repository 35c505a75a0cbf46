import type { Order } from '@ledger/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, READ_MODELS_SCHEMA } from './columns.js';

/** One row per customer and package, each computed by the domain's inventoryRow. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'license_inventory' })
export class LicenseInventoryRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ type: 'text' }) package: string;
  @Column({ name: 'item_group', type: 'text' }) itemGroup: string;
  /** Position of the first order item naming the package (the domain's order of appearance). */
  @Column(bigintColumn('ordered_position', { nullable: true })) orderedPosition: number | null;
  @Column(bigintColumn('seen_position')) seenPosition: number;
  @Column({ type: 'int' }) held: number;
  @Column({ name: 'pending_adds', type: 'int' }) pendingAdds: number;
  @Column({ name: 'pending_returns', type: 'int' }) pendingReturns: number;
  @Column({ type: 'int' }) assigned: number;
  @Column({ name: 'to_be', type: 'int' }) toBe: number;
  @Column({ type: 'int' }) reserved: number;
  @Column({ type: 'int' }) available: number;
}

/** The orders of a customer not yet settled, as the domain folds them, so a submit knows what becomes pending. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'license_inventory_orders' })
export class LicenseInventoryOrderRow {
  @PrimaryColumn({ name: 'order_no', type: 'text' }) orderNo: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ name: 'order_state', type: 'jsonb' }) orderState: Order;
}
