import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every read model lives in the `read_models` schema. Indexes are left unnamed on purpose: a
 * rebuild creates its shadow tables with `LIKE ... INCLUDING ALL`, which gives them the same
 * default names, so the tables swapped in look exactly like the ones this migration made.
 */
export class CreateReadModels1764090000000 implements MigrationInterface {
  readonly name = 'CreateReadModels1764090000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE SCHEMA read_models;

      CREATE TABLE read_models.projection_checkpoints (
        name               text        PRIMARY KEY,
        position           bigint      NOT NULL DEFAULT 0,
        updated_at         timestamptz NOT NULL DEFAULT now(),
        status             text        NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'rebuilding')),
        rebuild_position   bigint,
        rebuild_total      bigint,
        rebuild_started_at timestamptz,
        rebuild_updated_at timestamptz
      );

      CREATE TABLE read_models.resellers (
        reseller_id        text        PRIMARY KEY,
        name               text        NOT NULL,
        parent_reseller_id text,
        registered_at      timestamptz NOT NULL
      );
      CREATE INDEX ON read_models.resellers (parent_reseller_id);

      CREATE TABLE read_models.customers (
        customer_id     text        PRIMARY KEY,
        name            text        NOT NULL,
        reseller_id     text        NOT NULL,
        service_plan    text        NOT NULL,
        billing_account text        NOT NULL,
        sites           jsonb       NOT NULL,
        registered_at   timestamptz NOT NULL
      );
      CREATE INDEX ON read_models.customers (reseller_id, customer_id);

      CREATE TABLE read_models.license_inventory (
        customer_id      text    NOT NULL,
        package          text    NOT NULL,
        item_group       text    NOT NULL,
        ordered_position bigint,
        seen_position    bigint  NOT NULL,
        held             integer NOT NULL,
        pending_adds     integer NOT NULL,
        pending_returns  integer NOT NULL,
        assigned         integer NOT NULL,
        to_be            integer GENERATED ALWAYS AS (held + pending_adds - pending_returns) STORED,
        reserved         integer GENERATED ALWAYS AS (pending_returns) STORED,
        available        integer GENERATED ALWAYS AS (held - assigned - pending_returns) STORED,
        PRIMARY KEY (customer_id, package)
      );

      CREATE TABLE read_models.license_inventory_orders (
        order_no    text  PRIMARY KEY,
        customer_id text  NOT NULL,
        status      text  NOT NULL,
        items       jsonb NOT NULL
      );

      CREATE TABLE read_models.license_timeline_days (
        customer_id text    NOT NULL,
        package     text    NOT NULL,
        day         date    NOT NULL,
        held        integer NOT NULL,
        PRIMARY KEY (customer_id, package, day)
      );

      CREATE TABLE read_models.license_timeline_months (
        customer_id text    NOT NULL,
        package     text    NOT NULL,
        month       text    NOT NULL,
        adds        integer NOT NULL,
        returns     integer NOT NULL,
        PRIMARY KEY (customer_id, package, month)
      );

      CREATE TABLE read_models.orders (
        order_no           text        PRIMARY KEY,
        customer_id        text        NOT NULL,
        title              text        NOT NULL,
        type               text        NOT NULL,
        status             text        NOT NULL,
        service_plan       text        NOT NULL,
        note               text        NOT NULL,
        order_date         timestamptz NOT NULL,
        change_date        date        NOT NULL,
        submitted_at       timestamptz,
        approved_at        timestamptz,
        rejected_at        timestamptz,
        reject_reason      text,
        cancelled_at       timestamptz,
        final_confirmed_at timestamptz,
        effective_date     date,
        updated_at         timestamptz NOT NULL
      );
      CREATE INDEX ON read_models.orders (customer_id, order_no);
      CREATE INDEX ON read_models.orders (status, order_no);

      CREATE TABLE read_models.order_items (
        order_no        text          NOT NULL,
        item_no         integer       NOT NULL,
        item_group      text          NOT NULL,
        package         text          NOT NULL,
        quantity        integer       NOT NULL,
        trial_days      integer       NOT NULL,
        billing_account text          NOT NULL,
        comment         text          NOT NULL,
        customer_price  numeric(12,2) NOT NULL,
        act_date        date,
        billing_start   date,
        now_quantity    integer,
        order_quantity  integer,
        to_be_quantity  integer,
        PRIMARY KEY (order_no, item_no)
      );

      CREATE TABLE read_models.users (
        customer_id text        NOT NULL,
        extension   integer     NOT NULL,
        name        text        NOT NULL,
        site        text        NOT NULL,
        portal_id   text        NOT NULL,
        email       text        NOT NULL,
        package     text        NOT NULL,
        added_at    timestamptz NOT NULL,
        PRIMARY KEY (customer_id, extension)
      );

      CREATE TABLE read_models.user_package_history (
        customer_id   text        NOT NULL,
        extension     integer     NOT NULL,
        from_position bigint      NOT NULL,
        package       text        NOT NULL,
        from_at       timestamptz NOT NULL,
        to_at         timestamptz,
        PRIMARY KEY (customer_id, extension, from_position)
      );

      CREATE TABLE read_models.audit_log (
        position    bigint      PRIMARY KEY,
        stream_id   text        NOT NULL,
        type        text        NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor       text,
        role        text,
        customer_id text,
        order_no    text,
        extension   integer,
        summary     text        NOT NULL,
        data        jsonb       NOT NULL,
        metadata    jsonb       NOT NULL
      );
      CREATE INDEX ON read_models.audit_log (customer_id, position);
      CREATE INDEX ON read_models.audit_log (actor, position);
      CREATE INDEX ON read_models.audit_log (type, position);
      CREATE INDEX ON read_models.audit_log (occurred_at, position);
      CREATE INDEX ON read_models.audit_log (order_no, position);

      CREATE TABLE read_models.license_periods (
        customer_id    text          NOT NULL,
        license_no     integer       NOT NULL,
        package        text          NOT NULL,
        billing_start  date          NOT NULL,
        end_date       date,
        customer_price numeric(12,2) NOT NULL,
        order_no       text          NOT NULL,
        returned_on    date,
        PRIMARY KEY (customer_id, license_no)
      );
      CREATE INDEX ON read_models.license_periods (customer_id, package);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA read_models CASCADE');
  }
}
