import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems, ApiZodBody } from '../../http/api-zod-body.js';
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
  @ApiOperation({ summary: 'Register a customer of the caller reseller (or of one of its child resellers)' })
  @ApiZodBody(registerCustomerRequest, registerCustomerExample)
  @ApiProblems(400, 401, 403, 404, 409)
  register(
    @Body(new ZodPipe(registerCustomerRequest)) body: RegisterCustomerRequest,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new RegisterCustomerCommand(body, context));
  }
}
