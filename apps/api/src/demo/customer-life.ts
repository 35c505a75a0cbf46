import { addDays, availableOf, inventoryOf, usersOf } from '@ledger/domain';
import {
  firstOfNextMonth,
  monthsBetween,
  officeHours,
  workingDay,
  workingDaysAfter,
} from './demo-calendar.js';
import type { CustomerDesk, OrderLine, OrderOutcome } from './customer-desk.js';
import { HOT_DESK, PREMIUM, PREMIUM_PLUS, UPGRADES, VOICEMAIL } from './demo-fleet.js';

/**
 * A customer's life: the reseller registers it and its first order, users are set up on the new
 * licenses, then each month brings a few changes (people hired and leaving, users moved up a
 * package, idle licenses returned), each an order walked through its life cycle or a user command.
 */
export interface LifePlan {
  /** The first (New) order. */
  readonly opening: readonly OrderLine[];
  /** Licenses of the opening order that nobody gets at first. */
  readonly spare?: number;
  /** No more monthly changes from this moment on (a scripted ending follows). */
  readonly quietFrom?: number;
}

const OUTCOMES: readonly (readonly [OrderOutcome, number])[] = [
  ['confirmed', 86],
  ['rejected', 7],
  ['rejected-at-confirm', 3],
  ['cancelled', 4],
];

/** A return is rarely refused. */
const RETURN_OUTCOMES: readonly (readonly [OrderOutcome, number])[] = [
  ['confirmed', 9],
  ['rejected', 1],
];

/** Sets up `count` users of `pkg`, a few a working day, as a customer manager does after an order. */
export async function setUpUsers(desk: CustomerDesk, pkg: string, count: number): Promise<void> {
  for (let made = 0; made < count; made++) {
    if (made > 0) await (made % 6 === 0 ? desk.workingDaysLater(1) : desk.minutesLater(3, 25));
    const user = await desk.newUser();
    if (!user) return;
    await desk.addUser(pkg, user);
  }
}

/** Registers the customer, confirms its first order and sets up its first users. */
export async function openAccount(desk: CustomerDesk, plan: LifePlan): Promise<void> {
  await desk.until(desk.customer.joinsAt);
  await desk.register();
  await desk.minutesLater(5, 90);
  await desk.order(plan.opening);
  await desk.workingDaysLater(1);
  let spare = plan.spare ?? 0;
  for (const line of plan.opening) {
    const idle = Math.min(spare, line.quantity);
    spare -= idle;
    await setUpUsers(desk, line.package, line.quantity - idle);
  }
}

/** People join: users on idle licenses of the package first, an order for the rest. */
async function hire(desk: CustomerDesk): Promise<void> {
  const { random, customer } = desk;
  const pkg = random.weighted([
    [customer.mainPackage, 6],
    [PREMIUM, 2],
    [HOT_DESK, 1],
    [VOICEMAIL, 1],
  ]);
  const wanted = random.int(1, 3);
  const missing = wanted - Math.max(0, availableOf(await desk.account(), pkg));
  if (missing > 0) {
    const line = {
      package: pkg,
      quantity: missing,
      trialDays: pkg === PREMIUM_PLUS && random.chance(0.5) ? 30 : 0,
    };
    // Now and then the licenses are wanted from the first of next month.
    const changeDate = random.chance(0.25) ? firstOfNextMonth(desk.today()) : desk.today();
    // Now and then a draft asks for one too many and is corrected the next day, before it is sent.
    const corrected = random.chance(0.1);
    const orderNo = await desk.placeOrder(
      [corrected ? { ...line, quantity: missing + 1 } : line],
      changeDate,
    );
    if (corrected) {
      await desk.workingDaysLater(1);
      await desk.replaceItems(orderNo, [line]);
    }
    if (!(await desk.walk(orderNo, random.weighted(OUTCOMES)))) return;
    await desk.workingDaysLater(random.int(0, 2));
  }
  // Sometimes one of the new licenses waits for someone who has not started yet.
  await setUpUsers(desk, pkg, missing > 1 && random.chance(0.1) ? wanted - 1 : wanted);
}

/**
 * A user moves up a package (Basic -> Premium): a license of the new package is ordered unless one
 * is idle, the user changed to it, and the old license returned, unless this is the time it is not.
 */
export async function upgrade(
  desk: CustomerDesk,
  { returnOld = !desk.random.chance(0.04), from }: { returnOld?: boolean; from?: string } = {},
): Promise<void> {
  if (returnOld && workingDaysAfter(desk.today(), 16) >= firstOfNextMonth(desk.today())) {
    // Too late in the month to have the old license returned from the first of next month: the move
    // waits for the next one, so the old license is billed for at most 30 days after it.
    await desk.until(officeHours(workingDaysAfter(firstOfNextMonth(desk.today()), 1), desk.random));
  }
  const account = await desk.account();
  const movable = usersOf(account).filter((user) => UPGRADES.has(user.package));
  const preferred = movable.filter((user) => user.package === from);
  const candidates = preferred.length > 0 ? preferred : movable;
  if (candidates.length === 0) return;
  const user = desk.random.pick(candidates);
  const target = UPGRADES.get(user.package) ?? user.package;
  if (availableOf(account, target) < 1) {
    const trialDays = target === PREMIUM_PLUS && desk.random.chance(0.5) ? 30 : 0;
    if (!(await desk.order([{ package: target, quantity: 1, trialDays }]))) return;
    await desk.workingDaysLater(1);
  }
  await desk.changePackage(user.extension, target);
  if (!returnOld) return;
  await desk.workingDaysLater(desk.random.int(1, 3));
  await desk.order([{ package: user.package, quantity: -1 }], 'confirmed', desk.returnDate());
}

/** Someone leaves: the user is removed, and the license returned or kept for the next hire. */
async function leave(desk: CustomerDesk): Promise<void> {
  const users = usersOf(await desk.account());
  if (users.length <= 2) return;
  const user = desk.random.pick(users);
  await desk.removeUser(user.extension);
  if (!desk.random.chance(0.7)) return;
  await desk.workingDaysLater(desk.random.int(0, 2));
  await desk.order(
    [{ package: user.package, quantity: -1 }],
    desk.random.weighted(RETURN_OUTCOMES),
    desk.returnDate(),
  );
}

/** The reseller returns every license nobody uses. */
async function tidyUp(desk: CustomerDesk): Promise<void> {
  const idle = inventoryOf(await desk.account()).filter((row) => row.available > 0);
  if (idle.length === 0) return;
  const lines = idle.map((row) => ({ package: row.package, quantity: -row.available }));
  await desk.order(lines, desk.random.weighted(RETURN_OUTCOMES), desk.returnDate());
}

const CHANGES: readonly (readonly [(desk: CustomerDesk) => Promise<void>, number])[] = [
  [hire, 40],
  [upgrade, 20],
  [leave, 20],
  [tidyUp, 10],
  [async () => undefined, 10],
];

/** The working days of `month` (from today on) on which this customer changes something. */
function changeDays(desk: CustomerDesk, month: string): string[] {
  const count = desk.random.weighted([
    [0, 3],
    [1, 5],
    [2, 2],
  ]);
  const days = Array.from({ length: count }, () =>
    workingDay(addDays(`${month}-01`, desk.random.int(0, 27))),
  );
  return days.filter((day) => day >= desk.today()).sort();
}

/** A generated customer's first order: its staff's licenses and a spare or two, some Premium, now and then voicemail boxes. */
export const generatedPlan = ({ customer, random }: CustomerDesk): LifePlan => {
  const spare = random.weighted([
    [0, 7],
    [1, 2],
    [2, 1],
  ]);
  const premium = random.int(0, Math.floor(customer.staff / 4));
  const voicemail = random.chance(0.2) ? random.int(1, 2) : 0;
  const opening = [
    { package: customer.mainPackage, quantity: customer.staff - premium + spare },
    { package: PREMIUM, quantity: premium },
    { package: VOICEMAIL, quantity: voicemail },
  ].filter((line) => line.quantity > 0);
  return { opening, spare };
};

/** The customer's whole generated life, from joining to the end of the history (or `quietFrom`). */
export async function customerLife(desk: CustomerDesk, plan: LifePlan, end: number): Promise<void> {
  await openAccount(desk, plan);
  const until = Math.min(plan.quietFrom ?? end, end);
  for (const month of monthsBetween(desk.customer.joinsAt, until)) {
    for (const day of changeDays(desk, month)) {
      const at = officeHours(day, desk.random);
      if (at >= until) return;
      await desk.until(at);
      await desk.random.weighted(CHANGES)(desk);
    }
  }
}
