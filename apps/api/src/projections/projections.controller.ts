import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { ProjectionsService } from './projections.service.js';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @ApiOperation({ summary: 'Each read model: position, lag (events and seconds), live or rebuilding, and a rebuild\'s progress' })
  list() {
    return this.projections.statuses();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('reseller-admin')
  @ApiOperation({ summary: 'Replays every event into fresh tables while the live ones keep serving, then swaps them in' })
  async rebuild(@Param('name') name: string) {
    await this.projections.rebuild(name);
    return { name, status: 'rebuilding' };
  }
}
