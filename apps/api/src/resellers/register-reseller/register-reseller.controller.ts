import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems, ApiZodBody } from '../../http/api-zod-body.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { RegisterResellerCommand } from './register-reseller.handler.js';
import {
  registerResellerExample,
  registerResellerRequest,
  type RegisterResellerRequest,
} from './register-reseller.request.js';

@ApiTags('resellers')
@ApiBearerAuth()
@Controller('resellers')
export class RegisterResellerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('operator', 'reseller-admin')
  @ApiOperation({
    summary:
      "Register a root reseller (operator) or a child of the token's reseller (reseller admin); ids are unique in the ledger",
  })
  @ApiZodBody(registerResellerRequest, registerResellerExample)
  @ApiProblems(400, 401, 403, 409)
  register(
    @Body(new ZodPipe(registerResellerRequest)) body: RegisterResellerRequest,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new RegisterResellerCommand(body, context));
  }
}
