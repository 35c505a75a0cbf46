import type { CustomerEvent } from '../licensing/events.js';
import type { ConfirmedItem } from '../licensing/order-events.js';
import { dayNumber } from '../shared/dates.js';

/** One license's billable period: from billingStart (billed) up to end (not billed; null while held). */
export interface LicensePeriod {
  readonly package: string;
  readonly billingStart: string;
  readonly end: string | null;
  /** Monthly price per license. */
  readonly customerPrice: number;
  /** The order that added the license. */
  readonly orderNo: string;
  /** Effective date of the return that ended the license, if any. */
  readonly returnedOn: string | null;
}

const added = (item: ConfirmedItem, orderNo: string): LicensePeriod[] =>
  Array.from({ length: item.order }, () => ({
    package: item.package,
    billingStart: item.billingStart,
    end: null,
    customerPrice: item.customerPrice,
    orderNo,
    returnedOn: null,
  }));

/**
 * A return ends licenses still in their trial (billing start after the return's effective date) first:
 * they end where they would have started, so they are never billed. Then the most recently started
 * ones; for those the effective date is the first unbilled day.
 */
const returned = (periods: LicensePeriod[], item: ConfirmedItem, effectiveDate: string): LicensePeriod[] => {
  const effective = dayNumber(effectiveDate);
  const open = periods
    .map((period, index) => ({ period, index, start: dayNumber(period.billingStart) }))
    .filter(({ period }) => period.package === item.package && period.end === null)
    .sort((a, b) => Number(b.start > effective) - Number(a.start > effective) || b.start - a.start);
  const next = [...periods];
  for (const { period, index, start } of open.slice(0, -item.order)) {
    next[index] = { ...period, end: start > effective ? period.billingStart : effectiveDate, returnedOn: effectiveDate };
  }
  return next;
};

/**
 * One event's change to the periods: a final confirm adds its added licenses' periods at the end
 * and ends the periods its returns take; other events change nothing. A read model that keeps the
 * periods folds new events onto the stored ones with this, the same rule as below.
 */
export const evolveLicensePeriods = (periods: readonly LicensePeriod[], event: CustomerEvent): LicensePeriod[] => {
  if (event.type !== 'OrderFinalConfirmed') return [...periods];
  const { orderNo, effectiveDate } = event.data;
  return event.data.items.reduce<LicensePeriod[]>(
    (acc, item) => (item.order > 0 ? [...acc, ...added(item, orderNo)] : returned(acc, item, effectiveDate)),
    [...periods],
  );
};

/** The billable periods of every license a customer stream's final confirms added, in order of confirmation. */
export const licensePeriods = (events: readonly CustomerEvent[]): LicensePeriod[] => events.reduce(evolveLicensePeriods, []);
