import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A projection that meets an event it cannot apply stops there, alone: `faulted`, with the event's
 * position and the reason, until a restart or a rebuild finds it fixed.
 */
export class ProjectionFaults1764200000000 implements MigrationInterface {
  readonly name = 'ProjectionFaults1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE read_models.projection_checkpoints
        DROP CONSTRAINT projection_checkpoints_status_check,
        ADD CONSTRAINT projection_checkpoints_status_check CHECK (status IN ('live', 'rebuilding', 'faulted')),
        ADD COLUMN fault_position bigint,
        ADD COLUMN fault_reason   text;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      UPDATE read_models.projection_checkpoints SET status = 'live' WHERE status = 'faulted';
      ALTER TABLE read_models.projection_checkpoints
        DROP COLUMN fault_position,
        DROP COLUMN fault_reason,
        DROP CONSTRAINT projection_checkpoints_status_check,
        ADD CONSTRAINT projection_checkpoints_status_check CHECK (status IN ('live', 'rebuilding'));
    `);
  }
}
