import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { customerInventoryResponse } from '../customer.response.js';
import { minPosition } from '../../queries/query-params.js';
import { ReadScope } from '../../queries/read-scope.js';
import { ReadYourWrites } from '../../queries/read-your-writes.js';
import { DATABASE, SQL_POOL } from '../../store/store.tokens.js';
import type { Database } from '../../store/open-database.js';
import type { Pool } from 'pg';
import { CustomerIdParam } from '../../http/params.js';
import { customerInventory, INVENTORY_READ_MODELS } from './get-inventory.query.js';

const InventoryQuery = z.object({ minPosition }).strict();

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class GetInventoryController {
  private readonly dataSource: DataSource;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
  ) {
    this.dataSource = database.dataSource;
  }

  @Get(':customerId/inventory')
  @ApiOperation({
    operationId: 'getCustomerInventory',
    summary:
      'License inventory per package: held (Now), pending adds and returns, To Be, assigned, reserved, available (from the read model)',
  })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiResult(200, customerInventoryResponse, 'One row per package the customer has had licenses or orders of')
  @ApiProblems(400, 401, 403, 404, 503)
  async get(
    @CustomerIdParam() customerId: string,
    @Query(new ZodPipe(InventoryQuery)) query: z.output<typeof InventoryQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof customerInventoryResponse>> {
    // The inventory is what users act on ("only packages with available > 0 can be chosen"), so it
    // stays as fresh as it was when it was folded from the stream: by default it waits for the head.
    await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitForHead(query.minPosition, INVENTORY_READ_MODELS);
    const { packages, position } = await customerInventory(this.dataSource, this.pool, customerId);
    return { customerId, packages, position };
  }
}
