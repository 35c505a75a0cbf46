import { type DynamicModule, Module } from '@nestjs/common';
import { migrateReadModels } from '../read-models/migrate-read-models.js';
import { Clock, SystemClock } from '../shared/clock.js';
import type { Database } from '../store/open-database.js';
import { DATABASE } from '../store/store.tokens.js';
import { CheckpointWakeup } from './checkpoint-wakeup.js';
import { ProjectionsController } from './projections.controller.js';
import { ProjectionsService } from './projections.service.js';
import { PROJECTOR_CONFIG, READ_MODELS_MIGRATED } from './projections.tokens.js';
import type { ProjectorConfig } from './projector-config.js';

/** The read side's upkeep: read model migrations, the projector (in-process unless PROJECTOR=external), its status and rebuilds. */
@Module({})
export class ProjectionsModule {
  static forRoot(config: ProjectorConfig): DynamicModule {
    return {
      module: ProjectionsModule,
      controllers: [ProjectionsController],
      providers: [
        { provide: PROJECTOR_CONFIG, useValue: config },
        {
          provide: READ_MODELS_MIGRATED,
          inject: [DATABASE],
          useFactory: (database: Database) => migrateReadModels(database).then(() => true),
        },
        ProjectionsService,
        CheckpointWakeup,
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [ProjectionsService, CheckpointWakeup],
    };
  }
}
