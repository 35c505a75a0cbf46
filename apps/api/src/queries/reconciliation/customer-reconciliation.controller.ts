import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { CustomerIdParam } from '../../http/params.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { customerReconciliation } from './customer-reconciliation.query.js';
import { calendarMonth } from './reconciliation-params.js';
import { customerReconciliationResponse } from './reconciliation.response.js';

const ReconciliationQuery = z.object({ month: calendarMonth, minPosition }).strict();

export const RECONCILIATION_READ_MODELS = ['license-periods', 'invoice-lines'];

@ApiTags('billing')
@ApiBearerAuth()
@Controller('customers')
export class CustomerReconciliationController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':customerId/reconciliation')
  @ApiQuery({ name: 'month', required: true, type: String, example: '2023-11' })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    operationId: 'getCustomerReconciliation',
    summary:
      "A customer's month: the charges the ledger expects per package (license-days x price / days in the month) against the imported invoice lines, each difference with its reasons",
  })
  @ApiResult(200, customerReconciliationResponse, "The month's lines per package, and their totals")
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @CustomerIdParam() customerId: string,
    @Query(new ZodPipe(ReconciliationQuery)) query: z.output<typeof ReconciliationQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof customerReconciliationResponse>> {
    await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitFor(query.minPosition, RECONCILIATION_READ_MODELS);
    return customerReconciliation(this.pool, customerId, query.month);
  }
}
