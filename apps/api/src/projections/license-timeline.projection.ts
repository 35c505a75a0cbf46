import { evolvePackageTimeline, type TimelineDay } from '@ledger/domain';
import { type DocumentReadModel, documentProjection } from './document-projection.js';
import type { TableSpec } from './row-set.js';

interface CustomerId {
  customerId: string;
}

/** A customer's timeline per package: the days each held count changed on, by effective date. */
interface CustomerTimeline {
  readonly customerId: string;
  readonly packages: ReadonlyMap<string, readonly TimelineDay[]>;
}

interface DayRow extends TimelineDay {
  customerId: string;
  package: string;
}

interface MonthRow {
  customerId: string;
  package: string;
  month: string;
  adds: number;
  returns: number;
}

const DAYS: TableSpec<DayRow> = {
  table: 'license_timeline_days',
  key: ['customerId', 'package', 'day'],
  columns: { customerId: 'text', package: 'text', day: 'date', adds: 'int4', returns: 'int4', held: 'int4' },
};

const MONTHS: TableSpec<MonthRow> = {
  table: 'license_timeline_months',
  key: ['customerId', 'package', 'month'],
  columns: { customerId: 'text', package: 'text', month: 'text', adds: 'int4', returns: 'int4' },
};

const dayRowsOf = ({ customerId, packages }: CustomerTimeline): DayRow[] =>
  [...packages].flatMap(([pkg, days]) => days.map((day) => ({ customerId, package: pkg, ...day })));

/** Licenses that took effect and left in each month: the sums of its days, so the two always agree. */
const monthRowsOf = (timeline: CustomerTimeline): MonthRow[] => {
  const months = new Map<string, MonthRow>();
  for (const { customerId, package: pkg, day, adds, returns } of dayRowsOf(timeline)) {
    const month = day.slice(0, 7);
    const key = JSON.stringify([pkg, month]);
    const row = months.get(key) ?? { customerId, package: pkg, month, adds: 0, returns: 0 };
    months.set(key, { ...row, adds: row.adds + adds, returns: row.returns + returns });
  }
  return [...months.values()];
};

const timelineOfRows = (customerId: string, rows: readonly DayRow[]): CustomerTimeline => {
  const packages = new Map<string, TimelineDay[]>();
  for (const { package: pkg, day, adds, returns, held } of [...rows].sort((a, b) =>
    a.day.localeCompare(b.day),
  )) {
    const days = packages.get(pkg) ?? [];
    days.push({ day, adds, returns, held });
    packages.set(pkg, days);
  }
  return { customerId, packages };
};

/**
 * Held licenses per customer, package and day, and adds and returns per month, charted on each
 * change's effective date (DOMAIN.md, Billing rules), not on the final confirm's day: a change date
 * in the future schedules the change, and the day rows show it from that day on. The days are the
 * domain's evolvePackageTimeline; the months are their sums.
 */
export const licenseTimelineReadModel: DocumentReadModel<CustomerId, CustomerTimeline> = {
  name: 'license-timeline',
  eventTypes: ['OrderFinalConfirmed'],
  documentsOf: ({ event }) =>
    event?.type === 'OrderFinalConfirmed' ? [{ customerId: event.data.customerId }] : [],
  evolve(timeline, { event }) {
    if (event?.type !== 'OrderFinalConfirmed') return timeline;
    const packages = new Map(timeline?.packages);
    for (const pkg of new Set(event.data.items.map((item) => item.package)))
      packages.set(pkg, evolvePackageTimeline(packages.get(pkg) ?? [], event, pkg));
    return { customerId: event.data.customerId, packages };
  },
  tables: [
    { spec: DAYS, idColumns: ['customerId'], rowsOf: dayRowsOf },
    { spec: MONTHS, idColumns: ['customerId'], rowsOf: monthRowsOf },
  ],
  documentOf: ({ customerId }, [days]) =>
    days?.length ? timelineOfRows(customerId, days as DayRow[]) : null,
};

export const licenseTimelineProjection = documentProjection(licenseTimelineReadModel);
