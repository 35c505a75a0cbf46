import type { MigrationInterface, QueryRunner } from 'typeorm';
import { reproject } from './1764300000000-inventory-from-domain.js';

/**
 * Each audit row carries its link in its stream's hash chain (projections/audit-chain.ts), and the
 * chain is read stream by stream in position order: by the projector for each batch's last link per
 * stream and each customer's registration, and by `GET /api/audit/verify`. Each row names the
 * reseller whose tree sees it, so a tenant's trail is scoped on its few resellers rather than on
 * its customers, who may be thousands. The log is projected again from the first event to fill both.
 */
export class AuditHashChain1764400000000 implements MigrationInterface {
  readonly name = 'AuditHashChain1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ${reproject('audit-log', ['audit_log'])}
      ALTER TABLE read_models.audit_log ADD COLUMN hash text NOT NULL, ADD COLUMN reseller_id text;
      CREATE INDEX audit_log_stream_id_position_idx ON read_models.audit_log (stream_id, position);
      CREATE INDEX audit_log_reseller_id_position_idx ON read_models.audit_log (reseller_id, position);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ${reproject('audit-log', ['audit_log'])}
      DROP INDEX read_models.audit_log_stream_id_position_idx, read_models.audit_log_reseller_id_position_idx;
      ALTER TABLE read_models.audit_log DROP COLUMN hash, DROP COLUMN reseller_id;
    `);
  }
}
