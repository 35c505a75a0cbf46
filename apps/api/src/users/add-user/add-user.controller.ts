import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiIdempotencyKey, ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ApiZodBody } from '../../http/api-zod-body.js';
import { user } from '../user.response.js';
import { CustomerIdParam } from '../../http/params.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { AddUserCommand } from './add-user.handler.js';
import { addUserExample, addUserRequest, type AddUserRequest } from './add-user.request.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('customers/:customerId/users')
export class AddUserController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('customer-manager', 'reseller-admin')
  @ApiOperation({
    operationId: 'addUser',
    summary: 'Add a user; it takes an available license of its package',
  })
  @ApiZodBody(addUserRequest, addUserExample)
  @ApiIdempotencyKey()
  @ApiResult(201, user, 'The user as added')
  @ApiProblems(400, 401, 403, 404, 409, 503)
  add(
    @CustomerIdParam() customerId: string,
    @Body(new ZodPipe(addUserRequest)) body: AddUserRequest,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof user>> {
    return this.commands.execute(new AddUserCommand(customerId, body, context));
  }
}
