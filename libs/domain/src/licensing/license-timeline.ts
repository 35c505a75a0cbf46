import type { OrderFinalConfirmed } from './order-events.js';

/**
 * A day on which a package's held licenses changed: the licenses that took effect (adds) and left
 * (returns) that day, and the count held from that day until the next such day.
 */
export interface TimelineDay {
  readonly day: string;
  readonly adds: number;
  readonly returns: number;
  readonly held: number;
}

type DayDraft = { -readonly [K in keyof TimelineDay]: TimelineDay[K] };

/** The draft of `day`, inserted in day order when it is not there yet ('YYYY-MM-DD' sorts as text). */
const draftOf = (days: DayDraft[], day: string): DayDraft => {
  const at = days.findIndex((d) => d.day >= day);
  const found = days[at];
  if (found?.day === day) return found;
  const added = { day, adds: 0, returns: 0, held: 0 };
  days.splice(at === -1 ? days.length : at, 0, added);
  return added;
};

/** Licenses not yet in effect on `day`, the latest scheduled first: a return takes them before any held one. */
const cancelScheduled = (days: DayDraft[], day: string, quantity: number): number => {
  let left = quantity;
  for (let index = days.length - 1; index >= 0 && left > 0; index--) {
    const later = days[index];
    if (!later || later.day <= day) break;
    const taken = Math.min(left, later.adds);
    later.adds -= taken;
    left -= taken;
  }
  return left;
};

const recounted = (days: readonly DayDraft[]): TimelineDay[] => {
  let held = 0;
  return days
    .filter((d) => d.adds > 0 || d.returns > 0)
    .map((d) => ({ day: d.day, adds: d.adds, returns: d.returns, held: (held += d.adds - d.returns) }));
};

/**
 * One package's held licenses by effective date, after a final confirm (DOMAIN.md, Billing rules):
 * each item changes the count from the order's effective date on, so a change date in the future
 * schedules it. Counted from the items' Order (+/-), not their To Be: To Be follows the order of the
 * confirms, and an order confirmed first may take effect last. A return takes licenses not yet in
 * effect first (their billing start is after the return's effective date, so billing ends them
 * first too): they never take effect. The rest leave on the return's effective date, so the count
 * never goes below zero, as To Be never does.
 */
export const evolvePackageTimeline = (
  days: readonly TimelineDay[],
  event: OrderFinalConfirmed,
  pkg: string,
): TimelineDay[] => {
  const { effectiveDate, items } = event.data;
  const draft = days.map((d) => ({ ...d }));
  for (const item of items) {
    if (item.package !== pkg) continue;
    if (item.order > 0) draftOf(draft, effectiveDate).adds += item.order;
    else {
      const left = cancelScheduled(draft, effectiveDate, -item.order);
      if (left > 0) draftOf(draft, effectiveDate).returns += left;
    }
  }
  return recounted(draft);
};
