import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiIdempotencyKey, ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { ApiZodBody } from '../../http/api-zod-body.js';
import { addedPackage } from '../catalog.response.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { AddPackageCommand } from './add-package.handler.js';
import { addPackageExample, addPackageRequest, type AddPackageRequest } from './add-package.request.js';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('packages')
export class AddPackageController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('operator')
  @ApiOperation({
    operationId: 'addPackage',
    summary: "Add a package to the carrier's price list (one catalog for the whole ledger)",
  })
  @ApiZodBody(addPackageRequest, addPackageExample)
  @ApiIdempotencyKey()
  @ApiResult(201, addedPackage, 'The package as added')
  @ApiProblems(400, 401, 403, 409, 503)
  add(
    @Body(new ZodPipe(addPackageRequest)) body: AddPackageRequest,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof addedPackage>> {
    return this.commands.execute(new AddPackageCommand(body, context));
  }
}
