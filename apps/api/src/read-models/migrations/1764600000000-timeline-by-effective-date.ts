import type { MigrationInterface, QueryRunner } from 'typeorm';
import { reproject } from './1764300000000-inventory-from-domain.js';

const TABLES = ['license_timeline_days', 'license_timeline_months'];

/**
 * The license timeline charts each change on its effective date instead of the final confirm's day.
 * A day row keeps what took effect and left that day besides the count, since a change scheduled
 * later (or a return that takes scheduled licenses first) moves the counts of the days after it.
 * The read model is projected again from the first event.
 */
export class TimelineByEffectiveDate1764600000000 implements MigrationInterface {
  readonly name = 'TimelineByEffectiveDate1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ${reproject('license-timeline', TABLES)}
      ALTER TABLE read_models.license_timeline_days
        ADD COLUMN adds integer NOT NULL,
        ADD COLUMN returns integer NOT NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ${reproject('license-timeline', TABLES)}
      ALTER TABLE read_models.license_timeline_days DROP COLUMN adds, DROP COLUMN returns;
    `);
  }
}
