import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The carrier's invoiced quantity and amount per customer, month and package, from the imports
 * (InvoiceImported). A new read model: its checkpoint starts at 0, so the projector fills it from
 * the first event. The primary key serves the reconciliation's look-up of one customer-month.
 */
export class InvoiceLines1764500000000 implements MigrationInterface {
  readonly name = 'InvoiceLines1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE read_models.invoice_lines (
        customer_id       text          NOT NULL,
        month             text          NOT NULL,
        package           text          NOT NULL,
        quantity          integer       NOT NULL,
        amount            numeric(12,2) NOT NULL,
        invoice_id        text          NOT NULL,
        line              integer       NOT NULL,
        imported_position bigint        NOT NULL,
        PRIMARY KEY (customer_id, month, package)
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE read_models.invoice_lines;
      DELETE FROM read_models.projection_checkpoints WHERE name = 'invoice-lines';
    `);
  }
}
