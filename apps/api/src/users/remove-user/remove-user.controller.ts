import { Controller, Delete } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { removedUser } from '../user.response.js';
import { CustomerIdParam, ExtensionParam } from '../../http/params.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { RemoveUserCommand } from './remove-user.handler.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('customers/:customerId/users/:extension')
export class RemoveUserController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @Roles('customer-manager', 'reseller-admin')
  @ApiOperation({ operationId: 'removeUser', summary: 'Remove a user; its license becomes available' })
  @ApiResult(200, removedUser, 'The user is removed')
  @ApiProblems(400, 401, 403, 404, 409, 503)
  remove(
    @CustomerIdParam() customerId: string,
    @ExtensionParam() extension: number,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof removedUser>> {
    return this.commands.execute(new RemoveUserCommand(customerId, extension, context));
  }
}
