import { DynamicModule, Module } from '@nestjs/common';
import { FleetSummaryController } from '../queries/fleet-summary/fleet-summary.controller.js';
import { GetTimelineController } from '../queries/customer-timeline/get-timeline.controller.js';
import { ListOrdersController } from '../queries/list-orders/list-orders.controller.js';
import { ListUsersController } from '../queries/customer-users/list-users.controller.js';
import { GetPackageHistoryController } from '../queries/user-package-history/get-package-history.controller.js';
import { ReadModelScope } from '../queries/read-model-scope.js';
import { ReadYourWrites } from '../queries/read-your-writes.js';
import { migrateReadModels } from '../read-models/migrate-read-models.js';
import { Clock, SystemClock } from '../shared/clock.js';
import type { Database } from '../store/open-database.js';
import { DATABASE } from '../store/store.tokens.js';
import { ProjectionsController } from './projections.controller.js';
import { ProjectionsService } from './projections.service.js';
import { PROJECTOR_CONFIG, READ_MODELS_MIGRATED } from './projections.tokens.js';
import type { ProjectorConfig } from './projector-config.js';

/** The read side: read model migrations, the projector (in-process unless PROJECTOR=external), the query endpoints. */
@Module({})
export class ProjectionsModule {
  static forRoot(config: ProjectorConfig): DynamicModule {
    return {
      module: ProjectionsModule,
      controllers: [
        ProjectionsController,
        ListUsersController,
        GetPackageHistoryController,
        ListOrdersController,
        FleetSummaryController,
        GetTimelineController,
      ],
      providers: [
        { provide: PROJECTOR_CONFIG, useValue: config },
        { provide: READ_MODELS_MIGRATED, inject: [DATABASE], useFactory: (database: Database) => migrateReadModels(database).then(() => true) },
        ProjectionsService,
        { provide: Clock, useClass: SystemClock },
        ReadYourWrites,
        ReadModelScope,
      ],
      exports: [ReadYourWrites, ReadModelScope],
    };
  }
}
