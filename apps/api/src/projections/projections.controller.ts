import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerWide, Roles } from '../auth/auth.decorators.js';
import { ProjectionsService } from './projections.service.js';
import { ProjectionNameParam } from '../http/params.js';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @LedgerWide()
  @ApiOperation({
    summary:
      "Each read model: position, lag (events and seconds), live or rebuilding, and a rebuild's progress",
  })
  list() {
    return this.projections.statuses();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('operator')
  @ApiOperation({
    summary: 'Replays every event into fresh tables while the live ones keep serving, then swaps them in',
  })
  async rebuild(@ProjectionNameParam() name: string) {
    await this.projections.rebuild(name);
    return { name, status: 'rebuilding' };
  }
}
