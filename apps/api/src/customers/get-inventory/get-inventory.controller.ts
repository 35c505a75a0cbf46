import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { inventoryOf } from '@ledger/domain';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { CustomerCommands } from '../../shared/customer-commands.js';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class GetInventoryController {
  constructor(private readonly customers: CustomerCommands) {}

  @Get(':customerId/inventory')
  @ApiOperation({
    summary: 'License inventory per package: held (Now), pending adds and returns, To Be, assigned, reserved, available',
  })
  async get(@Param('customerId') customerId: string, @CurrentPrincipal() principal: Principal) {
    const { account, position } = await this.customers.load(principal, customerId);
    return { customerId, packages: inventoryOf(account), position };
  }
}
