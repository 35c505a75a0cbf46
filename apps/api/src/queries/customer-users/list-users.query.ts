import type { Pool } from 'pg';
import { pageOf, type Page, type PageRequest } from '../query-params.js';

/**
 * A customer's users after the cursor's extension, by extension. Not scoped here: the route names the
 * customer, and the controller has already answered 404 for one the caller cannot see.
 */
const SELECT_USERS = `
  SELECT extension, name, site, portal_id, email, package FROM read_models.users
   WHERE customer_id = $1 AND extension > $2 ORDER BY extension LIMIT $3`;

/** A user as SQL hands it over; `package` is the current one, its history is another read. */
interface UserRow {
  extension: number;
  name: string;
  site: string;
  portal_id: string;
  email: string;
  package: string;
}

/** A user as clients see it: renamed, so the read model's column names stay free to change. */
const view = (row: UserRow) => ({
  extension: row.extension,
  name: row.name,
  site: row.site,
  portalId: row.portal_id,
  email: row.email,
  package: row.package,
});

export type CustomerUser = ReturnType<typeof view>;

/** A page of the customer's users; with no cursor it starts below every extension, so at the first. */
export async function listUsers(
  pool: Pool,
  customerId: string,
  page: PageRequest<number>,
): Promise<Page<CustomerUser>> {
  const rows = await pool.query<UserRow>(SELECT_USERS, [customerId, page.cursor ?? -1, page.limit + 1]);
  return pageOf(rows.rows, page.limit, view, (row) => row.extension);
}
