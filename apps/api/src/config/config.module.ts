import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { EventStoreConfig } from '@ledger/event-store';
import type { ProjectorConfig } from '../projections/projector-config.js';
import type { AppConfig, DatabaseConfig } from './app-config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const EVENT_STORE_CONFIG = Symbol('EVENT_STORE_CONFIG');
export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');

export interface LedgerSettings {
  readonly app: AppConfig;
  readonly database: DatabaseConfig;
  readonly store: EventStoreConfig;
  readonly projector: ProjectorConfig;
}

/**
 * Configuration is read once (main.ts, before Nest starts, so a wrong value stops the start with one
 * line) and handed in typed; nothing else reads process.env. Tests pass their own settings.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(settings: LedgerSettings): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: settings.app },
        { provide: EVENT_STORE_CONFIG, useValue: settings.store },
        { provide: DATABASE_CONFIG, useValue: settings.database },
      ],
      exports: [APP_CONFIG, EVENT_STORE_CONFIG, DATABASE_CONFIG],
    };
  }
}
