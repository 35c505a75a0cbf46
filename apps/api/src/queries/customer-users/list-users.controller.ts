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
import { extension } from '../../http/fields.js';
import { cursorOf, limit, minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { CustomerIdParam } from '../../http/params.js';
import { listUsers } from './list-users.query.js';
import { customerUserPage } from './list-users.response.js';

const ListUsersQuery = z.object({ limit, cursor: cursorOf(extension), minPosition }).strict();

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class ListUsersController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':customerId/users')
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    operationId: 'listCustomerUsers',
    summary: "A customer's users by extension, with each one's current package (paged: limit, cursor)",
  })
  @ApiResult(200, customerUserPage, 'A page of users, by extension')
  @ApiProblems(400, 401, 403, 404, 503)
  async list(
    @CustomerIdParam() customerId: string,
    @Query(new ZodPipe(ListUsersQuery)) query: z.output<typeof ListUsersQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof customerUserPage>> {
    await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitFor(query.minPosition, ['customers', 'users']);
    return listUsers(this.pool, customerId, query);
  }
}
