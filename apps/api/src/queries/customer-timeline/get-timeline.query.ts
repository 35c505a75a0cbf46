import { addDays } from '@ledger/domain';
import type { Pool } from 'pg';

/**
 * Per package: the changes within [$2, $3] plus the last one before $2, since the read model stores
 * only the days on which a change took effect (its effective date), and the range must start from what was held.
 */
const SELECT_DAYS = `
  SELECT package, day::text AS day, held FROM read_models.license_timeline_days
   WHERE customer_id = $1 AND day BETWEEN $2 AND $3
  UNION ALL
  (SELECT DISTINCT ON (package) package, day::text, held FROM read_models.license_timeline_days
    WHERE customer_id = $1 AND day < $2 ORDER BY package, day DESC)`;

/** Adds and returns of the months the range touches, whole months, since they are totalled per month. */
const SELECT_MONTHS = `
  SELECT month, package, adds, returns FROM read_models.license_timeline_months
   WHERE customer_id = $1 AND month BETWEEN $2 AND $3 ORDER BY month, package`;

/** A day on which a package's held count changed; `day` is text so no time zone shifts it. */
interface DayRow {
  package: string;
  day: string;
  held: number;
}

/** A month's totals, answered as read: the columns already carry the response's names. */
export interface TimelineMonth {
  month: string;
  package: string;
  adds: number;
  returns: number;
}

/** Every day of [from, to] per package, each change carried forward, so a chart needs no gap filling. */
const daysOf = (rows: readonly DayRow[], from: string, to: string) => {
  const packages = [...new Set(rows.map((r) => r.package))].sort();
  return packages.map((pkg) => {
    const changes = rows.filter((r) => r.package === pkg).sort((a, b) => a.day.localeCompare(b.day));
    const days: { day: string; held: number }[] = [];
    let held = 0;
    let next = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      while (next < changes.length && (changes[next]?.day ?? '') <= day) held = changes[next++]?.held ?? held;
      days.push({ day, held });
    }
    return { package: pkg, days };
  });
};

/**
 * A customer's held licenses per package and day over [from, to], and adds and returns per month.
 * The range comes in already decided (defaults, limits), so this answers only what the read model holds.
 */
export async function customerTimeline(pool: Pool, customerId: string, from: string, to: string) {
  const days = await pool.query<DayRow>(SELECT_DAYS, [customerId, from, to]);
  const months = await pool.query<TimelineMonth>(SELECT_MONTHS, [
    customerId,
    from.slice(0, 7),
    to.slice(0, 7),
  ]);
  return { packages: daysOf(days.rows, from, to), months: months.rows };
}
