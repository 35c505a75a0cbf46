import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerWide, Roles } from '../auth/auth.decorators.js';
import { ProjectionsService } from './projections.service.js';
import { ApiIdempotencyKey, ApiProblems } from '../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../http/api-responses.js';
import { ProjectionNameParam } from '../http/params.js';
import { projectionStatuses, rebuildStarted } from './projections.response.js';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @LedgerWide()
  @ApiOperation({
    operationId: 'listProjections',
    summary:
      "Each read model: position, lag (events and seconds), live or rebuilding, and a rebuild's progress",
  })
  @ApiResult(200, projectionStatuses, 'Every read model')
  @ApiProblems(401, 503)
  list(): Promise<ResponseBody<typeof projectionStatuses>> {
    return this.projections.statuses();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('operator')
  @ApiOperation({
    operationId: 'rebuildProjection',
    summary: 'Replays every event into fresh tables while the live ones keep serving, then swaps them in',
  })
  @ApiIdempotencyKey()
  @ApiResult(
    202,
    rebuildStarted,
    'The rebuild runs in the background: GET /api/projections shows its progress',
  )
  @ApiProblems(400, 401, 403, 404, 409, 503)
  async rebuild(@ProjectionNameParam() name: string): Promise<ResponseBody<typeof rebuildStarted>> {
    await this.projections.rebuild(name);
    return { name, status: 'rebuilding' };
  }
}
