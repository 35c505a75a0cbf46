import { Controller, Delete } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems } from '../../http/api-zod-body.js';
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
  @ApiOperation({ summary: 'Remove a user; its license becomes available' })
  @ApiProblems(400, 401, 403, 404)
  remove(
    @CustomerIdParam() customerId: string,
    @ExtensionParam() extension: number,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new RemoveUserCommand(customerId, extension, context));
  }
}
