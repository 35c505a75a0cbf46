import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiIdempotencyKey, ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ApiZodBody } from '../../http/api-zod-body.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { RegisterResellerCommand } from './register-reseller.handler.js';
import {
  registerResellerExample,
  registerResellerRequest,
  type RegisterResellerRequest,
} from './register-reseller.request.js';
import { registeredReseller } from './register-reseller.response.js';

@ApiTags('resellers')
@ApiBearerAuth()
@Controller('resellers')
export class RegisterResellerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('operator', 'reseller-admin')
  @ApiOperation({
    operationId: 'registerReseller',
    summary:
      "Register a root reseller (operator) or a child of the token's reseller (reseller admin); ids are unique in the ledger",
  })
  @ApiZodBody(registerResellerRequest, registerResellerExample)
  @ApiIdempotencyKey()
  @ApiResult(201, registeredReseller, 'The reseller as registered')
  @ApiProblems(400, 401, 403, 409, 503)
  register(
    @Body(new ZodPipe(registerResellerRequest)) body: RegisterResellerRequest,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof registeredReseller>> {
    return this.commands.execute(new RegisterResellerCommand(body, context));
  }
}
