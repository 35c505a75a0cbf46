import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { customerId } from '../../http/fields.js';
import { cursorOf, limit, minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { ResellerIdParam } from '../../http/params.js';
import { fleetSummary } from './fleet-summary.query.js';
import { fleetPage } from './fleet-summary.response.js';

const FleetQuery = z.object({ limit, cursor: cursorOf(customerId), minPosition }).strict();

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
    operationId: 'getFleetSummary',
    summary:
      'Fleet summary: each customer of the reseller (and its child resellers) with held, available and idle licenses and pending orders',
  })
  @ApiResult(200, fleetPage, 'A page of customers, by customer id')
  @ApiProblems(400, 401, 403, 404, 503)
  async list(
    @ResellerIdParam() resellerId: string,
    @Query(new ZodPipe(FleetQuery)) query: z.output<typeof FleetQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof fleetPage>> {
    await this.scope.reseller(principal, resellerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'license-inventory', 'orders']);
    return fleetSummary(this.pool, principal, resellerId, query);
  }
}
