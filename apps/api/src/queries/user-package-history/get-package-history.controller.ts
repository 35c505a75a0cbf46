import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { notFound } from '../../http/problem.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { CustomerIdParam, ExtensionParam } from '../../http/params.js';
import { packageHistory } from './get-package-history.query.js';
import { userPackageHistory } from './get-package-history.response.js';

const HistoryQuery = z.object({ minPosition }).strict();

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class GetPackageHistoryController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':customerId/users/:extension/packages')
  @ApiOperation({
    operationId: 'getUserPackageHistory',
    summary:
      'Every package a user held, from when to when (to: null for the current one), also after the user was removed',
  })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiResult(200, userPackageHistory, "The user's packages, oldest first")
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @CustomerIdParam() customerId: string,
    @ExtensionParam() extension: number,
    @Query(new ZodPipe(HistoryQuery)) query: z.output<typeof HistoryQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof userPackageHistory>> {
    await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'users']);
    const packages = await packageHistory(this.pool, customerId, extension);
    if (packages === undefined) throw notFound('user', `${customerId}/${extension}`);
    return { customerId, extension, packages };
  }
}
