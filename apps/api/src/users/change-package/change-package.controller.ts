import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiIdempotencyKey, ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ApiZodBody } from '../../http/api-zod-body.js';
import { user } from '../user.response.js';
import { CustomerIdParam, ExtensionParam } from '../../http/params.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { ChangePackageCommand } from './change-package.handler.js';
import { changePackageRequest, type ChangePackageRequest } from './change-package.request.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('customers/:customerId/users/:extension/package')
export class ChangePackageController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('customer-manager', 'reseller-admin')
  @ApiOperation({
    operationId: 'changeUserPackage',
    summary:
      'Change to Existing Package: needs an available license of the target; the old one becomes available',
  })
  @ApiZodBody(changePackageRequest, { package: 'Premium iPECS ONE USER' })
  @ApiIdempotencyKey()
  @ApiResult(200, user, 'The user on its new package')
  @ApiProblems(400, 401, 403, 404, 409, 503)
  change(
    @CustomerIdParam() customerId: string,
    @ExtensionParam() extension: number,
    @Body(new ZodPipe(changePackageRequest)) body: ChangePackageRequest,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof user>> {
    return this.commands.execute(new ChangePackageCommand(customerId, extension, body.package, context));
  }
}
