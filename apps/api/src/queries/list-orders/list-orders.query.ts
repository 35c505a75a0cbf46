import type { OrderStatus, OrderType } from '@ledger/domain';
import type { Pool } from 'pg';
import type { Principal } from '../../auth/principal.js';
import { pageOf, type Page, type PageRequest } from '../query-params.js';
import { scopeParams, VISIBLE_CUSTOMERS } from '../read-model-scope.js';
import type { ListedOrderItem } from './list-orders.response.js';

/**
 * Orders with their items folded in as JSON, so a page is one round trip rather than one per order.
 * Newest first: order numbers are handed out in increasing order.
 */
const SELECT_ORDERS = `${VISIBLE_CUSTOMERS}
  SELECT o.order_no, o.customer_id, o.title, o.type, o.status, o.service_plan, o.note, o.order_date, o.change_date::text AS change_date,
         o.submitted_at, o.approved_at, o.rejected_at, o.reject_reason, o.cancelled_at, o.final_confirmed_at,
         o.effective_date::text AS effective_date,
         COALESCE((SELECT json_agg(json_build_object(
             'itemNo', i.item_no, 'itemGroup', i.item_group, 'package', i.package, 'quantity', i.quantity, 'trialDays', i.trial_days,
             'billingAccount', i.billing_account, 'comment', i.comment, 'customerPrice', i.customer_price, 'actDate', i.act_date,
             'billingStart', i.billing_start, 'now', i.now_quantity, 'order', i.order_quantity, 'toBe', i.to_be_quantity) ORDER BY i.item_no)
           FROM read_models.order_items i WHERE i.order_no = o.order_no), '[]') AS items
    FROM read_models.orders o JOIN visible v ON v.customer_id = o.customer_id
   WHERE ($3::text IS NULL OR o.customer_id = $3) AND ($4::text IS NULL OR o.status = $4)
     AND ($5::bigint IS NULL OR o.order_no::bigint < $5)
   ORDER BY o.order_no::bigint DESC LIMIT $6`;

/** An order as SQL hands it over: timestamps as Dates, calendar dates already as text so no time zone shifts them. */
interface OrderListRow {
  order_no: string;
  customer_id: string;
  title: string;
  type: OrderType;
  status: OrderStatus;
  service_plan: string;
  note: string;
  order_date: Date;
  change_date: string;
  submitted_at: Date | null;
  approved_at: Date | null;
  rejected_at: Date | null;
  reject_reason: string | null;
  cancelled_at: Date | null;
  final_confirmed_at: Date | null;
  effective_date: string | null;
  items: ListedOrderItem[];
}

/** An order with every step's timestamp, so a client needs no second read per order. */
const view = (row: OrderListRow) => ({
  orderNo: row.order_no,
  customerId: row.customer_id,
  title: row.title,
  type: row.type,
  status: row.status,
  servicePlan: row.service_plan,
  note: row.note,
  orderDate: row.order_date.toISOString(),
  changeDate: row.change_date,
  submittedAt: row.submitted_at?.toISOString() ?? null,
  approvedAt: row.approved_at?.toISOString() ?? null,
  rejectedAt: row.rejected_at?.toISOString() ?? null,
  rejectReason: row.reject_reason,
  cancelledAt: row.cancelled_at?.toISOString() ?? null,
  finalConfirmedAt: row.final_confirmed_at?.toISOString() ?? null,
  effectiveDate: row.effective_date,
  items: row.items,
});

export type OrderListItem = ReturnType<typeof view>;

/** The page to read and what narrows it; without filters it is every order the caller sees. */
export interface OrderListRequest extends PageRequest<string> {
  readonly customerId?: string | undefined;
  readonly status?: string | undefined;
}

/**
 * A page of the orders the caller sees, newest first. Scoped here too, not only by the controller's
 * customer check, because without a customerId filter the list spans every customer in scope.
 */
export async function listOrders(
  pool: Pool,
  principal: Principal,
  request: OrderListRequest,
): Promise<Page<OrderListItem>> {
  const rows = await pool.query<OrderListRow>(SELECT_ORDERS, [
    ...scopeParams(principal),
    request.customerId ?? null,
    request.status ?? null,
    request.cursor ?? null,
    request.limit + 1,
  ]);
  return pageOf(rows.rows, request.limit, view, (row) => row.order_no);
}
