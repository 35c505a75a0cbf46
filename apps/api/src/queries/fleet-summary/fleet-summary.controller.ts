import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { customerId } from '../../http/fields.js';
import { cursorOf, limit, minPosition, pageOf } from '../query-params.js';
import { scopeParams, VISIBLE_CUSTOMERS } from '../read-model-scope.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { ResellerIdParam } from '../../http/params.js';

const FleetQuery = z.object({ limit, cursor: cursorOf(customerId), minPosition }).strict();

// The reseller's own customers and those of its descendants ($3), within what the caller sees.
const SELECT_FLEET = `${VISIBLE_CUSTOMERS},
  fleet(reseller_id) AS (
    SELECT $3::text
    UNION
    SELECT r.reseller_id FROM read_models.resellers r JOIN fleet f ON r.parent_reseller_id = f.reseller_id
  )
  SELECT v.customer_id, v.name, v.reseller_id,
         COALESCE(i.held, 0)::int AS held, COALESCE(i.assigned, 0)::int AS assigned, COALESCE(i.available, 0)::int AS available,
         COALESCE(o.submitted, 0)::int AS submitted, COALESCE(o.approved, 0)::int AS approved
    FROM visible v
    LEFT JOIN LATERAL (SELECT sum(held) AS held, sum(assigned) AS assigned, sum(available) AS available
                         FROM read_models.license_inventory WHERE customer_id = v.customer_id) i ON true
    LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE status = 'Submitted') AS submitted, count(*) FILTER (WHERE status = 'Approved') AS approved
                         FROM read_models.orders WHERE customer_id = v.customer_id AND status IN ('Submitted', 'Approved')) o ON true
   WHERE v.reseller_id IN (SELECT reseller_id FROM fleet) AND ($4::text IS NULL OR v.customer_id > $4)
   ORDER BY v.customer_id LIMIT $5`;

interface FleetRow {
  customer_id: string;
  name: string;
  reseller_id: string;
  held: number;
  assigned: number;
  available: number;
  submitted: number;
  approved: number;
}

const view = (row: FleetRow) => ({
  customerId: row.customer_id,
  name: row.name,
  resellerId: row.reseller_id,
  held: row.held,
  available: row.available,
  /** Held licenses no user is on (available ones plus those reserved by a pending return). */
  idle: row.held - row.assigned,
  pendingOrders: row.submitted + row.approved,
  awaitingApproval: row.submitted,
  awaitingFinalConfirm: row.approved,
});

@ApiTags('resellers')
@ApiBearerAuth()
@Controller('resellers')
export class FleetSummaryController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':resellerId/customers')
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    summary:
      'Fleet summary: each customer of the reseller (and its child resellers) with held, available and idle licenses and pending orders',
  })
  async list(
    @ResellerIdParam() resellerId: string,
    @Query(new ZodPipe(FleetQuery)) query: z.output<typeof FleetQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.scope.reseller(principal, resellerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'license-inventory', 'orders']);
    const rows = await this.pool.query<FleetRow>(SELECT_FLEET, [
      ...scopeParams(principal),
      resellerId,
      query.cursor ?? null,
      query.limit + 1,
    ]);
    return pageOf(rows.rows, query.limit, view, (row) => row.customer_id);
  }
}
