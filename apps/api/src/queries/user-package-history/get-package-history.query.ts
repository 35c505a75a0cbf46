import type { Pool } from 'pg';

/**
 * Every package a user held, in the order the events gave them. From its own read model, not the
 * users one, so the history outlives the user's removal.
 */
const SELECT_HISTORY = `
  SELECT package, from_at, to_at FROM read_models.user_package_history
   WHERE customer_id = $1 AND extension = $2 ORDER BY from_position`;

/** A stretch on one package; `to_at` is null only for the one the user is on now, since a removal ends it. */
interface HistoryRow {
  package: string;
  from_at: Date;
  to_at: Date | null;
}

/** A stretch as clients see it: instants as ISO text; an open end stays null, so it reads as "still held". */
const view = (row: HistoryRow) => ({
  package: row.package,
  from: row.from_at.toISOString(),
  to: row.to_at?.toISOString() ?? null,
});

export type PackageStretch = ReturnType<typeof view>;

/**
 * The user's packages, oldest first, or undefined for an extension that never had a user: a user always
 * holds a package, so no rows means no such user, and the caller decides what that answers.
 */
export async function packageHistory(
  pool: Pool,
  customerId: string,
  extension: number,
): Promise<PackageStretch[] | undefined> {
  const rows = await pool.query<HistoryRow>(SELECT_HISTORY, [customerId, extension]);
  return rows.rowCount === 0 ? undefined : rows.rows.map(view);
}
