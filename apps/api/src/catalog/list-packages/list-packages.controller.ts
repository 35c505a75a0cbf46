import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerWide } from '../../auth/auth.decorators.js';
import { CATALOG_STREAM, catalogDecider } from '@ledger/domain';
import { DecisionLoop } from '../../shared/decision-loop.js';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('packages')
export class ListPackagesController {
  constructor(private readonly loop: DecisionLoop) {}

  @Get()
  @LedgerWide()
  @ApiOperation({ summary: 'The package catalog with monthly prices per license' })
  async list() {
    const { state, position } = await this.loop.load(CATALOG_STREAM, catalogDecider);
    return { items: [...state.values()], nextCursor: null, position };
  }
}
