import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DEMO_USERS, demoToken } from './demo-data.js';

/**
 * The dashboard's role picker on the embedded demo. AppModule mounts this only when the secret is
 * the data folder's own (no AUTH_JWT_SECRET), where the API listens on 127.0.0.1 by default; with a
 * configured secret the route does not exist.
 */
@ApiTags('demo')
@Controller('demo/tokens')
export class DemoTokensController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The demo's users with a token each (embedded demo only; 404 with a configured AUTH_JWT_SECRET)" })
  list() {
    return Promise.all(
      DEMO_USERS.map(async (user) => ({ ...user, token: await demoToken(this.config.jwtSecret, user.role, user.resellerId, user.customerId) })),
    );
  }
}
