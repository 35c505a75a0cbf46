import { eventsOf, type Projection } from './projection.js';
import { RowSet, type TableSpec } from './row-set.js';

interface DayRow {
  customerId: string;
  package: string;
  day: string;
  held: number;
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
  columns: { customerId: 'text', package: 'text', day: 'date', held: 'int4' },
};

const MONTHS: TableSpec<MonthRow> = {
  table: 'license_timeline_months',
  key: ['customerId', 'package', 'month'],
  columns: { customerId: 'text', package: 'text', month: 'text', adds: 'int4', returns: 'int4' },
};

/**
 * Held licenses per customer, package and day, and adds and returns per month. A final confirm is
 * what changes held licenses (whatever the change date), so both count on the confirm's UTC day.
 */
export const licenseTimelineProjection: Projection = {
  name: 'license-timeline',
  eventTypes: ['OrderFinalConfirmed'],
  tables: ['license_timeline_days', 'license_timeline_months'],
  async apply(events, sql) {
    const confirms = eventsOf(events, 'OrderFinalConfirmed').flatMap(({ event: { data } }) =>
      data.items.map((item) => ({ customerId: data.customerId, package: item.package, day: data.confirmedAt.slice(0, 10), month: data.confirmedAt.slice(0, 7), item })),
    );
    if (confirms.length === 0) return;
    const days = new RowSet(DAYS);
    const months = new RowSet(MONTHS);
    await months.load(sql, ['customerId', 'package', 'month'], confirms);
    for (const { customerId, package: pkg, day, month, item } of confirms) {
      days.put({ customerId, package: pkg, day, held: item.toBe });
      const row = months.get({ customerId, package: pkg, month }) ?? { customerId, package: pkg, month, adds: 0, returns: 0 };
      months.put({ ...row, adds: row.adds + Math.max(item.order, 0), returns: row.returns + Math.max(-item.order, 0) });
    }
    await days.flush(sql);
    await months.flush(sql);
  },
};
