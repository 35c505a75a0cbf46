import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems } from '../../http/api-zod-body.js';
import { Ctx, RequestContext } from '../../shared/request-context.js';
import { ExtensionParam } from '../extension.param.js';
import { UserCommand } from '../user-command.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('customers/:customerId/users/:extension')
export class RemoveUserController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @Roles('customer-manager', 'reseller-admin')
  @ApiOperation({ summary: 'Remove a user; its license becomes available' })
  @ApiProblems(400, 401, 403, 404)
  remove(@Param('customerId') customerId: string, @ExtensionParam() extension: number, @Ctx() context: RequestContext) {
    return this.commands.execute(new UserCommand('RemoveUser', { customerId, extension }, context));
  }
}
