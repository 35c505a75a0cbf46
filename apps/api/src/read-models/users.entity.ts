import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintKey, READ_MODELS_SCHEMA } from './columns.js';

@Entity({ schema: READ_MODELS_SCHEMA, name: 'users' })
export class UserRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ type: 'int' }) extension: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) site: string;
  @Column({ name: 'portal_id', type: 'text' }) portalId: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) package: string;
  @Column({ name: 'added_at', type: 'timestamptz' }) addedAt: Date;
}

/** Each package a user held, from when to when (to_at null: still held). */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'user_package_history' })
export class UserPackageHistoryRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ type: 'int' }) extension: number;
  @PrimaryColumn(bigintKey('from_position')) fromPosition: number;
  @Column({ type: 'text' }) package: string;
  @Column({ name: 'from_at', type: 'timestamptz' }) fromAt: Date;
  @Column({ name: 'to_at', type: 'timestamptz', nullable: true }) toAt: Date | null;
}
