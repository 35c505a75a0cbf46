import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Starts a read model over: empty tables and its checkpoint at 0, so the projector refills them from the first event. */
export const reproject = (name: string, tables: readonly string[]): string => `
  TRUNCATE ${tables.map((t) => `read_models.${t}`).join(', ')};
  UPDATE read_models.projection_checkpoints
     SET position = 0, status = 'live', fault_position = NULL, fault_reason = NULL,
         rebuild_position = NULL, rebuild_total = NULL, rebuild_started_at = NULL, rebuild_updated_at = NULL, updated_at = now()
   WHERE name = '${name}';`;

/**
 * The inventory's To Be, reserved and available are written by the domain's inventoryRow instead of
 * being restated as generated columns, and the orders it keeps are the domain's own Order state
 * (only those not yet settled). The read model is projected again from the first event.
 */
export class InventoryFromDomain1764300000000 implements MigrationInterface {
  readonly name = 'InventoryFromDomain1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ${reproject('license-inventory', ['license_inventory', 'license_inventory_orders'])}
      ALTER TABLE read_models.license_inventory
        ALTER COLUMN to_be DROP EXPRESSION,
        ALTER COLUMN reserved DROP EXPRESSION,
        ALTER COLUMN available DROP EXPRESSION;
      ALTER TABLE read_models.license_inventory_orders
        DROP COLUMN status,
        DROP COLUMN items,
        ADD COLUMN order_state jsonb NOT NULL;
      CREATE INDEX ON read_models.license_inventory_orders (customer_id);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ${reproject('license-inventory', ['license_inventory', 'license_inventory_orders'])}
      DROP INDEX IF EXISTS read_models.license_inventory_orders_customer_id_idx;
      ALTER TABLE read_models.license_inventory_orders
        DROP COLUMN order_state,
        ADD COLUMN status text NOT NULL,
        ADD COLUMN items jsonb NOT NULL;
      ALTER TABLE read_models.license_inventory
        DROP COLUMN to_be, DROP COLUMN reserved, DROP COLUMN available,
        ADD COLUMN to_be integer GENERATED ALWAYS AS (held + pending_adds - pending_returns) STORED,
        ADD COLUMN reserved integer GENERATED ALWAYS AS (pending_returns) STORED,
        ADD COLUMN available integer GENERATED ALWAYS AS (held - assigned - pending_returns) STORED;
    `);
  }
}
