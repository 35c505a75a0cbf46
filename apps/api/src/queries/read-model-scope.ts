import type { Principal } from '../auth/principal.js';

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

// The operator never gets here (the guard refuses it on customer routes); '' matches no reseller anyway.
export const scopeParams = (principal: Principal): [string, string | null] => [
  principal.resellerId ?? '',
  principal.role === 'customer-manager' ? (principal.customerId ?? '') : null,
];
