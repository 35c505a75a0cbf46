/**
 * Waste a customer pays for: licenses billed but used by nobody, and package changes whose previous
 * license was kept (paid twice). Times are ISO 8601 UTC instants as `toISOString` writes them
 * (`2023-10-24T13:18:11.000Z`), so they compare as text; days are UTC calendar days, as in billing.
 */
import { addDays, dayNumber, utcDateOf } from '../shared/dates.js';
import { InvalidDate } from '../shared/errors.js';
import { byPackage, isBillableOn } from './license-days.js';
import type { LicensePeriod } from './license-periods.js';
import { fromCents, toCents } from './money.js';

/** A stretch of time a user held a package: from (inclusive) to (exclusive; null while held). */
export interface PackageStretch {
  readonly extension: number;
  readonly package: string;
  readonly from: string;
  readonly to: string | null;
}

export interface WasteQuestion {
  /** Every license period of the customer, returned ones included. */
  readonly periods: readonly LicensePeriod[];
  /** Every package stretch of every user of the customer, removed users included. */
  readonly stretches: readonly PackageStretch[];
  readonly now: string;
  /** How many days a license may stay unused, or a changed user's previous license unreturned. */
  readonly days: number;
}

/** Licenses of a package billed on every day of the last `days` and used by no user all that time. */
export interface UnassignedLicenses {
  readonly kind: 'unassigned';
  readonly package: string;
  readonly licenses: number;
  /** What they cost a month, at their prices. */
  readonly monthlyAmount: number;
}

/** A user moved off `package` whose license was neither returned nor taken by another user within `days`. */
export interface PaidTwice {
  readonly kind: 'paid-twice';
  readonly package: string;
  readonly extension: number;
  readonly toPackage: string;
  readonly changedAt: string;
  /** The return that came too late, if one came. */
  readonly returnedOn: string | null;
  /** What the kept license costs a month. */
  readonly monthlyAmount: number;
}

export type WasteFlag = UnassignedLicenses | PaidTwice;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const instant = (time: string, field: string): string => {
  if (!INSTANT.test(time)) throw InvalidDate({ field, value: time });
  utcDateOf(time);
  return time;
};

const groupBy = <K, T>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
};

const midnight = (day: string): string => `${day}T00:00:00.000Z`;
const daysLater = (time: string, days: number): string =>
  `${addDays(time.slice(0, 10), days)}${time.slice(10)}`;

/** Licenses of one package billed at `at` beyond the users holding it then: a user counts on a billed license first. */
const unusedAt = (
  periods: readonly LicensePeriod[],
  stretches: readonly PackageStretch[],
  at: string,
): number => {
  const day = dayNumber(at.slice(0, 10));
  const billed = periods.filter((period) => isBillableOn(period, day)).length;
  const used = stretches.filter(
    (stretch) => stretch.from <= at && (stretch.to === null || at < stretch.to),
  ).length;
  return Math.max(0, billed - used);
};

/** The fewest unused licenses at any moment from `from` to `to`: both counts change only at midnights and at the stretches' ends. */
const fewestUnused = (
  periods: readonly LicensePeriod[],
  stretches: readonly PackageStretch[],
  from: string,
  to: string,
): number => {
  const moments = new Set([from, to]);
  for (let day = addDays(from.slice(0, 10), 1); midnight(day) <= to; day = addDays(day, 1))
    moments.add(midnight(day));
  for (const { from: start, to: end } of stretches)
    for (const at of [start, end]) if (at !== null && at > from && at < to) moments.add(at);
  return Math.min(...[...moments].map((at) => unusedAt(periods, stretches, at)));
};

/** The `count` most recently started licenses billed on `day`: those a return would end first. */
const latestBilled = (periods: readonly LicensePeriod[], day: number, count: number): LicensePeriod[] =>
  periods
    .filter((period) => isBillableOn(period, day))
    .sort((a, b) => dayNumber(b.billingStart) - dayNumber(a.billingStart))
    .slice(0, count);

const monthly = (periods: readonly LicensePeriod[]): number =>
  fromCents(periods.reduce((sum, period) => sum + toCents(period.customerPrice), 0));

const unassigned = (
  question: WasteQuestion,
  groups: Map<string, LicensePeriod[]>,
  stretchesOf: (pkg: string) => PackageStretch[],
): UnassignedLicenses[] => {
  const windowStart = daysLater(question.now, -question.days);
  const today = dayNumber(question.now.slice(0, 10));
  return [...groups]
    .map(([pkg, periods]) => {
      const licenses = fewestUnused(periods, stretchesOf(pkg), windowStart, question.now);
      return {
        kind: 'unassigned' as const,
        package: pkg,
        licenses,
        monthlyAmount: monthly(latestBilled(periods, today, licenses)),
      };
    })
    .filter((flag) => flag.licenses > 0);
};

interface PackageChange {
  readonly extension: number;
  readonly from: string;
  readonly to: string;
  readonly at: string;
}

/** A user's stretch ending where the user's next one starts, on another package. */
const packageChanges = (stretches: readonly PackageStretch[]): PackageChange[] => {
  return [...groupBy(stretches, (stretch) => stretch.extension).values()]
    .flatMap((own) => {
      const sorted = [...own].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      return sorted.slice(1).flatMap((next, index) => {
        const previous = sorted[index];
        return previous && previous.to === next.from && previous.package !== next.package
          ? [{ extension: next.extension, from: previous.package, to: next.package, at: next.from }]
          : [];
      });
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.extension - b.extension));
};

/**
 * Each change off a package takes the first return of that package effective on or after the
 * change's day, in the order of the changes. One whose return is missing or came more than `days`
 * later is flagged once those days have passed, as long as the package still had a billed license
 * nobody used then beyond the ones flagged before and not yet returned (a freed license another user
 * took was not paid twice).
 */
const paidTwice = (
  question: WasteQuestion,
  groups: Map<string, LicensePeriod[]>,
  stretchesOf: (pkg: string) => PackageStretch[],
): PaidTwice[] => {
  const { now, days } = question;
  const flags: PaidTwice[] = [];
  const returns = new Map(
    [...groups].map(([pkg, periods]) => [
      pkg,
      periods
        .flatMap((p) => (p.returnedOn === null ? [] : [p]))
        .sort((a, b) => dayNumber(a.returnedOn ?? '') - dayNumber(b.returnedOn ?? '')),
    ]),
  );
  for (const change of packageChanges(question.stretches)) {
    const periods = groups.get(change.from) ?? [];
    const pending = returns.get(change.from) ?? [];
    const changeDay = dayNumber(utcDateOf(change.at));
    const matched = pending.findIndex((period) => dayNumber(period.returnedOn ?? '') >= changeDay);
    const returned = matched >= 0 ? pending.splice(matched, 1)[0] : undefined;
    const returnedOn = returned?.returnedOn ?? null;
    const deadline = daysLater(change.at, days);
    if ((returnedOn !== null && dayNumber(returnedOn) <= changeDay + days) || deadline > now) continue;
    const deadlineDay = dayNumber(deadline.slice(0, 10));
    const stillKept = flags.filter(
      (flag) =>
        flag.package === change.from &&
        (flag.returnedOn === null || dayNumber(flag.returnedOn) > deadlineDay),
    ).length;
    if (stillKept >= unusedAt(periods, stretchesOf(change.from), deadline)) continue;
    const price = returned ?? latestBilled(periods, deadlineDay, 1)[0];
    flags.push({
      kind: 'paid-twice',
      package: change.from,
      extension: change.extension,
      toPackage: change.to,
      changedAt: change.at,
      returnedOn,
      monthlyAmount: price?.customerPrice ?? 0,
    });
  }
  return flags;
};

/** Every waste flag of a customer at `now`: unassigned licenses by package, then paid-twice changes in time order. */
export const wasteFlags = (question: WasteQuestion): WasteFlag[] => {
  instant(question.now, 'now');
  for (const stretch of question.stretches) {
    instant(stretch.from, 'from');
    if (stretch.to !== null) instant(stretch.to, 'to');
  }
  const groups = byPackage(question.periods);
  const stretchesByPackage = groupBy(question.stretches, (stretch) => stretch.package);
  const stretchesOf = (pkg: string) => stretchesByPackage.get(pkg) ?? [];
  return [...unassigned(question, groups, stretchesOf), ...paidTwice(question, groups, stretchesOf)];
};
