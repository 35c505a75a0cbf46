import { idleLicenses, isPending, ORDER_STATUSES, ORDER_TRANSITIONS, type Order, type OrderStatus } from '@ledger/domain';
import type { Pool } from 'pg';
import type { Principal } from '../../auth/principal.js';
import { pageOf, type Page, type PageRequest } from '../query-params.js';
import { scopeParams, VISIBLE_CUSTOMERS } from '../read-model-scope.js';

/** Which statuses are pending is the domain's rule (isPending); the SQL takes them as $6 rather than restating it. */
const PENDING_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((status) =>
  isPending({ status } as Order),
);

/**
 * The reseller's own customers and those of its descendants ($3), within what the caller sees, with
 * their license totals and pending orders counted per status: the view splits those counts by what
 * each order waits for, so this SQL needs to know no status by name.
 */
const SELECT_FLEET = `${VISIBLE_CUSTOMERS},
  fleet(reseller_id) AS (
    SELECT $3::text
    UNION
    SELECT r.reseller_id FROM read_models.resellers r JOIN fleet f ON r.parent_reseller_id = f.reseller_id
  )
  SELECT v.customer_id, v.name, v.reseller_id,
         COALESCE(i.held, 0)::int AS held, COALESCE(i.assigned, 0)::int AS assigned, COALESCE(i.available, 0)::int AS available,
         COALESCE(o.pending, '{}') AS pending
    FROM visible v
    LEFT JOIN LATERAL (SELECT sum(held) AS held, sum(assigned) AS assigned, sum(available) AS available
                         FROM read_models.license_inventory WHERE customer_id = v.customer_id) i ON true
    LEFT JOIN LATERAL (SELECT json_object_agg(status, orders) AS pending
                         FROM (SELECT status, count(*)::int AS orders FROM read_models.orders
                                WHERE customer_id = v.customer_id AND status = ANY($6::text[]) GROUP BY status) s) o ON true
   WHERE v.reseller_id IN (SELECT reseller_id FROM fleet) AND ($4::text IS NULL OR v.customer_id > $4)
   ORDER BY v.customer_id LIMIT $5`;

/** A customer of the fleet as SQL hands it over; `pending` omits the statuses it has no orders in. */
interface FleetRow {
  customer_id: string;
  name: string;
  reseller_id: string;
  held: number;
  assigned: number;
  available: number;
  pending: Partial<Record<OrderStatus, number>>;
}

/** Orders in any of `statuses`: what an order waits for is read off the domain's transition table, not named here. */
const ordersIn = (pending: FleetRow['pending'], statuses: readonly OrderStatus[]): number =>
  statuses.reduce((sum, status) => sum + (pending[status] ?? 0), 0);

/** One customer of the fleet: a reseller's overview needs totals, not each package's row. */
const view = (row: FleetRow) => ({
  customerId: row.customer_id,
  name: row.name,
  resellerId: row.reseller_id,
  held: row.held,
  available: row.available,
  idle: idleLicenses(row),
  pendingOrders: ordersIn(row.pending, PENDING_STATUSES),
  awaitingApproval: ordersIn(row.pending, ORDER_TRANSITIONS.ApproveOrder.from),
  awaitingFinalConfirm: ordersIn(row.pending, ORDER_TRANSITIONS.FinalConfirmOrder.from),
});

export type FleetCustomer = ReturnType<typeof view>;

/**
 * A page of the fleet summary of `resellerId`, by customer id. Scoped by the caller as well as by the
 * reseller, so a customer manager sees only its own customer even in its reseller's fleet.
 */
export async function fleetSummary(
  pool: Pool,
  principal: Principal,
  resellerId: string,
  page: PageRequest<string>,
): Promise<Page<FleetCustomer>> {
  const rows = await pool.query<FleetRow>(SELECT_FLEET, [
    ...scopeParams(principal),
    resellerId,
    page.cursor ?? null,
    page.limit + 1,
    PENDING_STATUSES,
  ]);
  return pageOf(rows.rows, page.limit, view, (row) => row.customer_id);
}
