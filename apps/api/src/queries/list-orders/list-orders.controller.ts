import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ORDER_STATUSES } from '@ledger/domain';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { customerId, orderNo } from '../../http/fields.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { cursorOf, limit, minPosition, pageOf } from '../query-params.js';
import { scopeParams, VISIBLE_CUSTOMERS } from '../read-model-scope.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';

const ListOrdersQuery = z
  .object({
    customerId: customerId.optional(),
    status: z.enum(ORDER_STATUSES as [string, ...string[]]).optional(),
    limit,
    cursor: cursorOf(orderNo),
    minPosition,
  })
  .strict();

// Newest first: order numbers are handed out in increasing order.
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

interface OrderListRow {
  order_no: string;
  customer_id: string;
  title: string;
  type: string;
  status: string;
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
  items: unknown[];
}

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

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class ListOrdersController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly readYourWrites: ReadYourWrites,
    private readonly scope: ReadScope,
  ) {}

  @Get()
  @ApiQuery({ name: 'customerId', required: false, type: String })
  @ApiQuery({ name: 'status', required: false, type: String })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    summary:
      "Orders within the caller's scope, newest first, with items, status and dates (filters: customerId, status; paged); an unknown customerId is a 404",
  })
  async list(
    @Query(new ZodPipe(ListOrdersQuery)) query: z.output<typeof ListOrdersQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    // Filtering on a customer the caller cannot see is a 404, as for a customer that does not exist.
    if (query.customerId !== undefined) await this.scope.customer(principal, query.customerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'orders']);
    const rows = await this.pool.query<OrderListRow>(SELECT_ORDERS, [
      ...scopeParams(principal),
      query.customerId ?? null,
      query.status ?? null,
      query.cursor ?? null,
      query.limit + 1,
    ]);
    return pageOf(rows.rows, query.limit, view, (row) => row.order_no);
  }
}
