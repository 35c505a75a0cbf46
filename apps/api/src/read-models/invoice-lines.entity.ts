import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, moneyColumn, READ_MODELS_SCHEMA } from './columns.js';

/** What the carrier invoiced a customer for a package in a month: the latest import naming that customer-month. */
@Entity({ schema: READ_MODELS_SCHEMA, name: 'invoice_lines' })
export class InvoiceLineRow {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  /** 'YYYY-MM' */
  @PrimaryColumn({ type: 'text' }) month: string;
  @PrimaryColumn({ type: 'text' }) package: string;
  @Column({ type: 'int' }) quantity: number;
  @Column(moneyColumn('amount')) amount: number;
  @Column({ name: 'invoice_id', type: 'text' }) invoiceId: string;
  /** The line of the imported file. */
  @Column({ type: 'int' }) line: number;
  @Column(bigintColumn('imported_position')) importedPosition: number;
}
