import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiProblems, ApiZodBody } from '../../http/api-zod-body.js';
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
  @ApiOperation({ summary: "Add a package to the carrier's price list (one catalog for the whole ledger)" })
  @ApiZodBody(addPackageRequest, addPackageExample)
  @ApiProblems(400, 401, 403, 409)
  add(@Body(new ZodPipe(addPackageRequest)) body: AddPackageRequest, @Ctx() context: RequestContext) {
    return this.commands.execute(new AddPackageCommand(body, context));
  }
}
