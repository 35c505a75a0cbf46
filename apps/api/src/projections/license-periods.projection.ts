import { type CustomerEvent, evolveLicensePeriods, type LicensePeriod } from '@ledger/domain';
import { eventsOf, type Projection } from './projection.js';
import { RowSet, type Sql, type TableSpec } from './row-set.js';

interface PeriodRow {
  customerId: string;
  licenseNo: number;
  package: string;
  billingStart: string;
  endDate: string | null;
  customerPrice: number;
  orderNo: string;
  returnedOn: string | null;
}

const PERIODS: TableSpec<PeriodRow> = {
  table: 'license_periods',
  key: ['customerId', 'licenseNo'],
  columns: {
    customerId: 'text',
    licenseNo: 'int4',
    package: 'text',
    billingStart: 'date',
    endDate: 'date',
    customerPrice: 'numeric',
    orderNo: 'text',
    returnedOn: 'date',
  },
};

/** A stored open period as the domain's billing rules see it. */
const periodOf = (row: PeriodRow): LicensePeriod => ({
  package: row.package,
  billingStart: row.billingStart,
  end: null,
  customerPrice: row.customerPrice,
  orderNo: row.orderNo,
  returnedOn: null,
});

const toRow = (customerId: string, licenseNo: number, period: LicensePeriod): PeriodRow => ({
  customerId,
  licenseNo,
  package: period.package,
  billingStart: period.billingStart,
  endDate: period.end,
  customerPrice: period.customerPrice,
  orderNo: period.orderNo,
  returnedOn: period.returnedOn,
});

async function nextLicenseNos(sql: Sql, customerIds: readonly string[]): Promise<Map<string, number>> {
  const result = await sql.query<{ customer_id: string; last: number }>(
    'SELECT customer_id, max(license_no) AS last FROM license_periods WHERE customer_id = ANY($1::text[]) GROUP BY customer_id',
    [customerIds],
  );
  return new Map(result.rows.map((row) => [row.customer_id, row.last + 1]));
}

/** Each license's billable period (billing start up to its return), the basis of billing reconciliation. */
export const licensePeriodsProjection: Projection = {
  name: 'license-periods',
  eventTypes: ['OrderFinalConfirmed'],
  tables: ['license_periods'],
  async apply(events, sql) {
    const confirms = eventsOf(events, 'OrderFinalConfirmed');
    if (confirms.length === 0) return;
    const customerIds = [...new Set(confirms.map((e) => e.event.data.customerId))];
    const periods = new RowSet(PERIODS);
    await periods.load(sql, ['customerId'], customerIds.map((customerId) => ({ customerId })), 'end_date IS NULL');
    const next = await nextLicenseNos(sql, customerIds);
    for (const customerId of customerIds) {
      const open = periods.all().filter((p) => p.customerId === customerId).sort((a, b) => a.licenseNo - b.licenseNo);
      const mine: CustomerEvent[] = confirms.filter((e) => e.event.data.customerId === customerId).map((e) => e.event);
      // The domain's rule folded onto the stored open periods, in license order: returns end only open ones.
      const after = mine.reduce(evolveLicensePeriods, open.map(periodOf));
      after.forEach((period, index) => {
        const stored = open[index];
        const licenseNo = stored?.licenseNo ?? (next.get(customerId) ?? 1) + index - open.length;
        if (!stored || stored.endDate !== period.end) periods.put(toRow(customerId, licenseNo, period));
      });
    }
    await periods.flush(sql);
  },
};
