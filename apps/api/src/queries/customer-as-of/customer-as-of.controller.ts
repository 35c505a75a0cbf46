import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@ledger/event-store';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-zod-body.js';
import { CustomerIdParam } from '../../http/params.js';
import { problem, ProblemError } from '../../http/problem.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { EVENT_STORE } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { AsOfCheckpoints } from './as-of-checkpoints.js';
import { customerAsOf } from './customer-as-of.query.js';

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

const EXAMPLE = {
  customerId: 'C000000150',
  at: '2023-10-24T13:00:00.000Z',
  packages: [
    {
      package: 'Basic User With VM',
      itemGroup: 'User License',
      held: 1,
      pendingAdds: 0,
      pendingReturns: 1,
      toBe: 0,
      assigned: 0,
      reserved: 1,
      available: 0,
    },
    {
      package: 'Premium iPECS ONE USER',
      itemGroup: 'User License',
      held: 1,
      pendingAdds: 0,
      pendingReturns: 0,
      toBe: 1,
      assigned: 1,
      reserved: 0,
      available: 0,
    },
  ],
  users: [{ extension: 297, name: '9240 Demo', site: 'Vertical Demo', package: 'Premium iPECS ONE USER' }],
  openOrders: [
    {
      orderNo: '503037',
      status: 'Approved',
      items: [
        {
          itemNo: 1,
          itemGroup: 'User License',
          package: 'Basic User With VM',
          quantity: -1,
          trialDays: 0,
          billingAccount: 'Vertical Demo',
          comment: '',
          customerPrice: 20,
        },
      ],
    },
  ],
  position: 42,
};

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
    summary:
      "The account as it stood at `at` (inclusive): inventory rows, users and open orders, folded from the customer's events up to that moment by the write side's own fold",
  })
  @ApiQuery({ name: 'at', required: true, type: String, description: TIME_RULE })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiResponse({
    status: 200,
    description: '`position` is the global position of the last event folded (see GET /api/audit/{position})',
    schema: { example: EXAMPLE },
  })
  @ApiProblems(400, 401, 403, 404)
  async get(
    @CustomerIdParam() customerId: string,
    @Query(new ZodPipe(AsOfQuery)) query: z.output<typeof AsOfQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
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
