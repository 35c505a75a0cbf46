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
import { Clock } from '../../shared/clock.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { customerWaste } from './waste-flags.query.js';
import { wasteFlags } from './waste-flags.response.js';

const WasteQuery = z
  .object({ days: z.coerce.number().int().min(1).max(3650).default(30), minPosition })
  .strict();

@ApiTags('billing')
@ApiBearerAuth()
@Controller('customers')
export class WasteFlagsController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  @Get(':customerId/waste')
  @ApiQuery({
    name: 'days',
    required: false,
    type: Number,
    description: 'How many days a license may go unused (default 30)',
  })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    operationId: 'getCustomerWasteFlags',
    summary:
      'Waste the customer pays for now: licenses billed but used by no user for the last N days, and package changes whose previous license was neither returned nor reused within N days (paid twice), each with its monthly cost',
  })
  @ApiResult(200, wasteFlags, 'The waste flags at this moment')
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @CustomerIdParam() customerId: string,
    @Query(new ZodPipe(WasteQuery)) query: z.output<typeof WasteQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof wasteFlags>> {
    await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitFor(query.minPosition, ['license-periods', 'users']);
    return customerWaste(this.pool, customerId, this.clock.now().toISOString(), query.days);
  }
}
