import pg from 'pg';

// Whatever the role held before goes first, so it ends with exactly these privileges.
const grants = (role: string) => `
  REVOKE ALL ON ALL TABLES IN SCHEMA event_store FROM ${role};
  REVOKE ALL ON SCHEMA event_store FROM ${role};
  GRANT USAGE ON SCHEMA event_store TO ${role};
  GRANT SELECT, INSERT ON event_store.events TO ${role};
  GRANT SELECT, UPDATE ON event_store.position TO ${role};
  GRANT SELECT ON event_store.migrations TO ${role}`;

const WHO = `
  SELECT current_user = $1 AS is_self, pg_get_userbyid(relowner) = $1 AS is_owner
    FROM pg_class WHERE oid = 'event_store.events'::regclass`;

/**
 * Gives the application's role what appending and reading need and nothing more: it may add
 * events and move the position counter (SELECT ... FOR UPDATE and UPDATE), never UPDATE, DELETE or
 * TRUNCATE an event. Run by the schema's owner; a process that connects as the role itself
 * (after the owner migrated) has nothing to grant.
 */
export async function grantAppRole(client: pg.ClientBase, role: string): Promise<void> {
  const { rows } = await client.query<{ is_self: boolean; is_owner: boolean }>(WHO, [role]);
  if (rows[0]?.is_owner) {
    throw new Error(
      `the application role "${role}" owns event_store.events, so it could drop the append-only guard; use a role that does not own the schema`,
    );
  }
  if (rows[0]?.is_self) return;
  await client.query(grants(pg.escapeIdentifier(role)));
}
