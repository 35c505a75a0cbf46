import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerWide } from '../../auth/auth.decorators.js';
import { CATALOG_STREAM, catalogDecider } from '@ledger/domain';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import { packageCatalog } from '../catalog.response.js';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('packages')
export class ListPackagesController {
  constructor(private readonly loop: DecisionLoop) {}

  @Get()
  @LedgerWide()
  @ApiOperation({
    operationId: 'listPackages',
    summary: 'The package catalog with monthly prices per license',
  })
  @ApiResult(200, packageCatalog, 'Every package of the catalog, in one page')
  @ApiProblems(401, 503)
  async list(): Promise<ResponseBody<typeof packageCatalog>> {
    const { state, position } = await this.loop.load(CATALOG_STREAM, catalogDecider);
    return { items: [...state.values()], nextCursor: null, position };
  }
}
