import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@ledger/event-store';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { CustomerIdParam } from '../../http/params.js';
import { problem, ProblemError } from '../../http/problem.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { EVENT_STORE } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { AsOfCheckpoints } from './as-of-checkpoints.js';
import { customerAsOf } from './customer-as-of.query.js';
import { customerAsOfExample, customerAsOfResponse } from './customer-as-of.response.js';

const TIME_RULE = 'an ISO 8601 time with seconds and Z or an offset, e.g. 2023-10-24T13:18:11Z';

const AsOfQuery = z
  .object({
    at: z.iso
      .datetime({
        offset: true,
        error: (issue) => (issue.input === undefined ? `is required: ${TIME_RULE}` : `must be ${TIME_RULE}`),
      })
      .transform((at) => new Date(at)),
    minPosition,
  })
  .strict();

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerAsOfController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
    private readonly checkpoints: AsOfCheckpoints,
  ) {}

  @Get(':customerId/as-of')
  @ApiOperation({
    operationId: 'getCustomerAsOf',
    summary:
      "The account as it stood at `at` (inclusive): inventory rows, users and open orders, folded from the customer's events up to that moment by the write side's own fold",
  })
  @ApiQuery({ name: 'at', required: true, type: String, description: TIME_RULE })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiResult(200, customerAsOfResponse, 'The account at `at`', customerAsOfExample)
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @CustomerIdParam() customerId: string,
    @Query(new ZodPipe(AsOfQuery)) query: z.output<typeof AsOfQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof customerAsOfResponse>> {
    await this.scope.customer(principal, customerId);
    // Read from the event store itself, which no read model can be behind.
    await this.readYourWrites.waitFor(query.minPosition, []);
    const account = await customerAsOf(this.store, customerId, query.at, this.checkpoints);
    // The domain's fold says the customer was not registered then: no account existed to show, as
    // every other read answers an unregistered customer (an empty 200 would invent one).
    if (!account)
      throw new ProblemError(
        problem(404, 'not-found', `customer ${customerId} did not exist at ${query.at.toISOString()}`),
      );
    return account;
  }
}
