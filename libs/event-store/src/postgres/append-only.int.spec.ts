import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvents, uniqueName } from '../contract/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createPgPool } from './pg-pool.js';
import { PostgresEventStore } from './postgres-event-store.js';

// Each statement would change recorded history; none may succeed, whoever sends it.
const CHANGES = {
  UPDATE: `UPDATE event_store.events SET type = 'Rewritten'`,
  'UPDATE matching no row': `UPDATE event_store.events SET type = 'Rewritten' WHERE false`,
  DELETE: 'DELETE FROM event_store.events',
  TRUNCATE: 'TRUNCATE event_store.events',
};
const INSUFFICIENT_PRIVILEGE = '42501';

let database: TestDatabase;
let owner: pg.Pool;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  store = await PostgresEventStore.connect({ connectionString: database.url, listen: false });
  owner = createPgPool(database.url, 2);
});
afterAll(async () => {
  await store?.close();
  await owner?.end();
  await database?.drop();
});

/** Appends two events, proves every change statement fails, then that nothing changed and appends go on. */
async function provesAppendOnly(writer: PostgresEventStore, sql: pg.Pool): Promise<void> {
  const streamId = uniqueName('history');
  const events = newEvents(2);
  await writer.appendToStream(streamId, events, 'no-stream');
  for (const statement of Object.values(CHANGES)) {
    await expect(sql.query(statement), statement).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
  }
  const recorded = await writer.readStream(streamId);
  expect(recorded.map((e) => [e.id, e.type])).toEqual(events.map((e) => [e.id, e.type]));
  const next = await writer.appendToStream(streamId, newEvents(1), 1);
  expect(next.nextRevision).toBe(2);
  expect(await writer.headPosition()).toBe(next.position);
}

describe('event_store.events is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on the connection the store uses, which still appends and reads', async () => {
    await provesAppendOnly(store, owner);
  });

  it('lets an application role append and read through the store but never change an event', async () => {
    const role = `ledger_app_${randomBytes(4).toString('hex')}`;
    await owner.query(`CREATE ROLE ${role} LOGIN`);
    const url = new URL(database.url);
    url.username = role;
    let app: PostgresEventStore | undefined;
    const appSql = createPgPool(url.toString(), 2);
    try {
      await PostgresEventStore.migrate(owner, { appRole: role });
      // The same setting on the role's own connection: the schema is current, nothing to grant.
      app = await PostgresEventStore.connect({
        connectionString: url.toString(),
        listen: false,
        appRole: role,
      });
      await provesAppendOnly(app, appSql);
      expect(await privileges(role)).toEqual({
        schemaUsage: true,
        schemaCreate: false,
        events: {
          SELECT: true,
          INSERT: true,
          UPDATE: false,
          DELETE: false,
          TRUNCATE: false,
          REFERENCES: false,
          TRIGGER: false,
        },
        position: {
          SELECT: true,
          INSERT: false,
          UPDATE: true,
          DELETE: false,
          TRUNCATE: false,
          REFERENCES: false,
          TRIGGER: false,
        },
      });
    } finally {
      await app?.close();
      await appSql.end();
      await owner.query(`DROP OWNED BY ${role}`);
      await owner.query(`DROP ROLE ${role}`);
    }
  });

  it('takes the application role back to exactly its grants when it was given more', async () => {
    const role = `ledger_app_${randomBytes(4).toString('hex')}`;
    await owner.query(`CREATE ROLE ${role}`);
    try {
      await owner.query(
        `GRANT ALL ON ALL TABLES IN SCHEMA event_store TO ${role}; GRANT CREATE ON SCHEMA event_store TO ${role}`,
      );
      await PostgresEventStore.migrate(owner, { appRole: role });
      const { events, schemaCreate } = await privileges(role);
      expect({
        schemaCreate,
        update: events.UPDATE,
        delete: events.DELETE,
        truncate: events.TRUNCATE,
      }).toEqual({
        schemaCreate: false,
        update: false,
        delete: false,
        truncate: false,
      });
    } finally {
      await owner.query(`DROP OWNED BY ${role}`);
      await owner.query(`DROP ROLE ${role}`);
    }
  });
});

const TABLE_PRIVILEGES = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'TRUNCATE',
  'REFERENCES',
  'TRIGGER',
] as const;

async function privileges(role: string) {
  const table = async (name: string) =>
    Object.fromEntries(
      await Promise.all(
        TABLE_PRIVILEGES.map(async (privilege) => {
          const { rows } = await owner.query<{ has: boolean }>(
            'SELECT has_table_privilege($1, $2, $3) AS has',
            [role, name, privilege],
          );
          return [privilege, rows[0]!.has] as const;
        }),
      ),
    );
  const schema = async (privilege: string) =>
    (
      await owner.query<{ has: boolean }>(`SELECT has_schema_privilege($1, 'event_store', $2) AS has`, [
        role,
        privilege,
      ])
    ).rows[0]!.has;
  return {
    schemaUsage: await schema('USAGE'),
    schemaCreate: await schema('CREATE'),
    events: await table('event_store.events'),
    position: await table('event_store.position'),
  };
}
