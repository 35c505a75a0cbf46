import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../http/problem.js';
import { SQL_POOL } from '../store/store.tokens.js';

/**
 * The scoping rules on the read model: the resellers a caller sees (its own and its descendants,
 * as a recursive CTE named `scope`), and the customers of those, a customer manager only its own.
 * Its parameters are $1 = the caller's reseller, $2 = a customer manager's customer (or null).
 */
export const VISIBLE_CUSTOMERS = `
  WITH RECURSIVE scope(reseller_id) AS (
    SELECT $1::text
    UNION
    SELECT r.reseller_id FROM read_models.resellers r JOIN scope s ON r.parent_reseller_id = s.reseller_id
  ),
  visible AS (
    SELECT c.* FROM read_models.customers c
     WHERE c.reseller_id IN (SELECT reseller_id FROM scope) AND ($2::text IS NULL OR c.customer_id = $2::text)
  )`;

export const scopeParams = (principal: Principal): [string, string | null] => [
  principal.resellerId,
  principal.role === 'customer-manager' ? (principal.customerId ?? '') : null,
];

export interface VisibleCustomer {
  readonly customerId: string;
  readonly name: string;
  readonly resellerId: string;
}

@Injectable()
export class ReadModelScope {
  constructor(@Inject(SQL_POOL) private readonly pool: Pool) {}

  /** The customer, if the caller may see it; otherwise 404, exactly as if it did not exist. */
  async customer(principal: Principal, customerId: string): Promise<VisibleCustomer> {
    const result = await this.pool.query<{ customer_id: string; name: string; reseller_id: string }>(
      `${VISIBLE_CUSTOMERS} SELECT customer_id, name, reseller_id FROM visible WHERE customer_id = $3`,
      [...scopeParams(principal), customerId],
    );
    const row = result.rows[0];
    if (!row) throw notFound('customer', customerId);
    return { customerId: row.customer_id, name: row.name, resellerId: row.reseller_id };
  }

  /** The reseller, if it is the caller's own or one of its descendants; otherwise 404. */
  async assertReseller(principal: Principal, resellerId: string): Promise<void> {
    const result = await this.pool.query(
      `${VISIBLE_CUSTOMERS} SELECT 1 FROM scope WHERE reseller_id = $3`,
      [...scopeParams(principal), resellerId],
    );
    if (result.rowCount === 0) throw notFound('reseller', resellerId);
  }
}
