import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { addDays, dayNumber } from '@ledger/domain';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { calendarDate } from '../../http/fields.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { Clock } from '../../shared/clock.js';
import { CustomerIdParam } from '../../http/params.js';
import { customerTimeline } from './get-timeline.query.js';
import { customerTimelineResponse } from './get-timeline.response.js';

const MAX_DAYS = 1100;

const TimelineQuery = z
  .object({ from: calendarDate.optional(), to: calendarDate.optional(), minPosition })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'must not be after to',
    path: ['from'],
    params: { rule: 'range' },
  })
  .refine((q) => !q.from || !q.to || dayNumber(q.to) - dayNumber(q.from) < MAX_DAYS, {
    message: `the range may span at most ${MAX_DAYS} days`,
    path: ['to'],
    params: { rule: 'range' },
  });

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class GetTimelineController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  @Get(':customerId/timeline')
  @ApiQuery({ name: 'from', required: false, type: String })
  @ApiQuery({ name: 'to', required: false, type: String })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    operationId: 'getCustomerTimeline',
    summary:
      'Held licenses per package and day over [from, to] (default: the last 90 days), and adds and returns per month, each change counted from its effective date (the later of the change date and the final confirm)',
  })
  @ApiResult(200, customerTimelineResponse, 'Every day of [from, to] per package, and the months it touches')
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @CustomerIdParam() customerId: string,
    @Query(new ZodPipe(TimelineQuery)) query: z.output<typeof TimelineQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof customerTimelineResponse>> {
    await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'license-timeline']);
    const to =
      query.to ?? (query.from ? addDays(query.from, 89) : this.clock.now().toISOString().slice(0, 10));
    const from = query.from ?? addDays(to, -89);
    return { customerId, from, to, ...(await customerTimeline(this.pool, customerId, from, to)) };
  }
}
