import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { lowestPosition } from '../../projections/checkpoints.js';
import { LicenseInventoryRow } from '../../read-models/license-inventory.entity.js';

/** What the inventory is read from: read-your-writes waits for these, and the answer's position is theirs. */
export const INVENTORY_READ_MODELS: readonly string[] = ['customers', 'license-inventory'];

/** The inventory row of API.md, without the read model's bookkeeping columns (customer, positions). */
const view = (row: LicenseInventoryRow) => ({
  package: row.package,
  itemGroup: row.itemGroup,
  held: row.held,
  pendingAdds: row.pendingAdds,
  pendingReturns: row.pendingReturns,
  toBe: row.toBe,
  assigned: row.assigned,
  reserved: row.reserved,
  available: row.available,
});

export type InventoryPackage = ReturnType<typeof view>;

/**
 * A customer's inventory per package, in the domain's order of appearance (packages first named by an
 * order item, then those only a user is on), and the position it reflects at least, so a client can
 * pass it back as minPosition.
 */
export async function customerInventory(
  dataSource: DataSource,
  pool: Pool,
  customerId: string,
): Promise<{ packages: InventoryPackage[]; position: number }> {
  // Read before the rows, so the rows reflect at least this position.
  const position = await lowestPosition(pool, INVENTORY_READ_MODELS);
  const rows = await dataSource.getRepository(LicenseInventoryRow).find({
    where: { customerId },
    order: { orderedPosition: { direction: 'ASC', nulls: 'LAST' }, seenPosition: 'ASC' },
  });
  return { packages: rows.map(view), position };
}
