import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ResellerIdParam } from '../../http/params.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { cursorOf, limit, minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { RECONCILIATION_READ_MODELS } from './customer-reconciliation.controller.js';
import { calendarMonth } from './reconciliation-params.js';
import { resellerReconciliation } from './reseller-reconciliation.query.js';
import { resellerReconciliationResponse } from './reconciliation.response.js';

/** The key of the last row of a page: the cents at stake, padded, and the customer id. */
const atStakeKey = z.string().regex(/^\d{15}:[A-Za-z0-9_-]{1,40}$/);
const ResellerReconciliationQuery = z
  .object({ month: calendarMonth, limit, cursor: cursorOf(atStakeKey), minPosition })
  .strict();

@ApiTags('billing')
@ApiBearerAuth()
@Controller('resellers')
export class ResellerReconciliationController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':resellerId/reconciliation')
  @ApiQuery({ name: 'month', required: true, type: String, example: '2023-11' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    operationId: 'getResellerReconciliation',
    summary:
      "Each customer of the reseller (and its child resellers) with its month's reconciliation totals, the most money at stake first",
  })
  @ApiResult(200, resellerReconciliationResponse, 'A page of customers, the most money at stake first')
  @ApiProblems(400, 401, 403, 404, 503)
  async list(
    @ResellerIdParam() resellerId: string,
    @Query(new ZodPipe(ResellerReconciliationQuery)) query: z.output<typeof ResellerReconciliationQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof resellerReconciliationResponse>> {
    await this.scope.reseller(principal, resellerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', ...RECONCILIATION_READ_MODELS]);
    return resellerReconciliation(this.pool, principal, resellerId, query.month, query);
  }
}
