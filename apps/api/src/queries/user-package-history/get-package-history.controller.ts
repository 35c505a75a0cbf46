import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { notFound } from '../../http/problem.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { CustomerIdParam, ExtensionParam } from '../../http/params.js';

const HistoryQuery = z.object({ minPosition }).strict();

const SELECT_HISTORY = `
  SELECT package, from_at, to_at FROM read_models.user_package_history
   WHERE customer_id = $1 AND extension = $2 ORDER BY from_position`;

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
    summary:
      'Every package a user held, from when to when (to: null for the current one), also after the user was removed',
  })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  async get(
    @CustomerIdParam() customerId: string,
    @ExtensionParam() extension: number,
    @Query(new ZodPipe(HistoryQuery)) query: z.output<typeof HistoryQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'users']);
    const rows = await this.pool.query<{ package: string; from_at: Date; to_at: Date | null }>(
      SELECT_HISTORY,
      [customerId, extension],
    );
    if (rows.rowCount === 0) throw notFound('user', `${customerId}/${extension}`);
    const packages = rows.rows.map((row) => ({
      package: row.package,
      from: row.from_at.toISOString(),
      to: row.to_at?.toISOString() ?? null,
    }));
    return { customerId, extension, packages };
  }
}
