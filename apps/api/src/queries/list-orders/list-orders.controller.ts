import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ORDER_STATUSES } from '@ledger/domain';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { customerId, orderNo } from '../../http/fields.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { cursorOf, limit, minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { listOrders } from './list-orders.query.js';
import { orderPage } from './list-orders.response.js';

const ListOrdersQuery = z
  .object({
    customerId: customerId.optional(),
    status: z.enum(ORDER_STATUSES as [string, ...string[]]).optional(),
    limit,
    cursor: cursorOf(orderNo),
    minPosition,
  })
  .strict();

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
  @ApiQuery({ name: 'status', required: false, enum: ORDER_STATUSES })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    operationId: 'listOrders',
    summary:
      "Orders within the caller's scope, newest first, with items, status and dates (filters: customerId, status; paged); an unknown customerId is a 404",
  })
  @ApiResult(200, orderPage, 'A page of orders, newest first')
  @ApiProblems(400, 401, 403, 404, 503)
  async list(
    @Query(new ZodPipe(ListOrdersQuery)) query: z.output<typeof ListOrdersQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof orderPage>> {
    // Filtering on a customer the caller cannot see is a 404, as for a customer that does not exist.
    if (query.customerId !== undefined) await this.scope.customer(principal, query.customerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'orders']);
    return listOrders(this.pool, principal, query);
  }
}
