import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiIdempotencyKey, ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ApiZodBody } from '../../http/api-zod-body.js';
import { registeredCustomer } from '../customer.response.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { RegisterCustomerCommand } from './register-customer.handler.js';
import {
  registerCustomerExample,
  registerCustomerRequest,
  type RegisterCustomerRequest,
} from './register-customer.request.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class RegisterCustomerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('reseller-admin')
  @ApiOperation({
    operationId: 'registerCustomer',
    summary: 'Register a customer of the caller reseller (or of one of its child resellers)',
  })
  @ApiZodBody(registerCustomerRequest, registerCustomerExample)
  @ApiIdempotencyKey()
  @ApiResult(201, registeredCustomer, 'The customer as registered')
  @ApiProblems(400, 401, 403, 404, 409, 503)
  register(
    @Body(new ZodPipe(registerCustomerRequest)) body: RegisterCustomerRequest,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof registeredCustomer>> {
    return this.commands.execute(new RegisterCustomerCommand(body, context));
  }
}
