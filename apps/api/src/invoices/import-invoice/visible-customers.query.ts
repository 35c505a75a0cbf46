import type { Pool } from 'pg';
import type { Principal } from '../../auth/principal.js';
import { scopeParams, VISIBLE_CUSTOMERS } from '../../queries/read-model-scope.js';

const SELECT_VISIBLE = `${VISIBLE_CUSTOMERS}
  SELECT customer_id FROM visible WHERE customer_id = ANY($3::text[])`;

/** Which of `customerIds` the caller may see: its reseller's customers and its child resellers'. */
export async function visibleCustomers(
  pool: Pool,
  principal: Principal,
  customerIds: readonly string[],
): Promise<string[]> {
  if (customerIds.length === 0) return [];
  const result = await pool.query<{ customer_id: string }>(SELECT_VISIBLE, [
    ...scopeParams(principal),
    customerIds,
  ]);
  return result.rows.map((row) => row.customer_id);
}
