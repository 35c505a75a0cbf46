import { addDays } from '@ledger/domain';
import { DAY_MS, dateOf, officeHours, workingDay } from './demo-calendar.js';
import type { CustomerDesk } from './customer-desk.js';
import { customerLife, generatedPlan, upgrade } from './customer-life.js';
import { BASIC, PREMIUM, PREMIUM_PLUS, VOICEMAIL } from './demo-fleet.js';

/** A moment of office hours on the working day `days` days before the end of the history. */
const daysBeforeEnd = (desk: CustomerDesk, end: number, days: number): number =>
  officeHours(workingDay(addDays(dateOf(end), -days)), desk.random);

/**
 * C000000150 Vertical Demo, the seed's customer: seven Basic licenses and two Stand Alone VM from its
 * first month (the VM licenses never get a user), users 297 "9240 Demo" and 201-205 on Basic, a
 * Premium PLUS order the approver rejects halfway through; and, in the history's last weeks, the
 * seed's upgrade story: +1 Premium final confirmed, 297 changed from Basic to Premium, and the Basic
 * license returned by an order that is approved and waits for the Final Confirm.
 */
export async function verticalDemoStory(desk: CustomerDesk, end: number): Promise<void> {
  await desk.until(desk.customer.joinsAt);
  await desk.register();
  await desk.minutesLater(10, 60);
  await desk.order([
    { package: BASIC, quantity: 7 },
    { package: VOICEMAIL, quantity: 2 },
  ]);
  for (const [index, extension] of [297, 201, 202, 203, 204, 205].entries()) {
    await (index % 3 === 0 ? desk.workingDaysLater(1) : desk.minutesLater(5, 40));
    const seedUser = extension === 297;
    await desk.addUser(BASIC, {
      extension,
      name: seedUser ? '9240 Demo' : `Vertical User ${index}`,
      email: seedUser ? 'jstucker@vertical.com' : `user${extension}@vertical.com`,
    });
  }
  await desk.until(officeHours(workingDay(dateOf((desk.customer.joinsAt + end) / 2)), desk.random));
  await desk.order([{ package: PREMIUM_PLUS, quantity: 2 }], 'rejected');

  await desk.until(daysBeforeEnd(desk, end, 24));
  await desk.order([{ package: PREMIUM, quantity: 1 }]);
  await desk.workingDaysLater(1);
  await desk.changePackage(297, PREMIUM);
  await desk.workingDaysLater(1);
  await desk.order([{ package: BASIC, quantity: -1 }], 'approved');
}

/**
 * C000000151 Acme Dental, a customer whose life is generated until three months before the end,
 * then: a Basic user moved up to Premium whose Basic license is never returned (billed twice), and
 * today's demo's waiting orders, +3 Stand Alone VM submitted and +2 Premium still Temporary.
 */
export async function acmeDentalStory(desk: CustomerDesk, end: number): Promise<void> {
  const opening = [
    { package: PREMIUM_PLUS, quantity: 4, trialDays: 30 },
    { package: BASIC, quantity: 10 },
  ];
  await customerLife(desk, { opening, spare: 0, quietFrom: end - 95 * DAY_MS }, end);
  await desk.until(daysBeforeEnd(desk, end, 80));
  await upgrade(desk, { from: BASIC, returnOld: false });
  await desk.until(daysBeforeEnd(desk, end, 12));
  await desk.order([{ package: VOICEMAIL, quantity: 3 }], 'submitted');
  await desk.until(daysBeforeEnd(desk, end, 5));
  await desk.placeOrder([{ package: PREMIUM, quantity: 2 }]);
}

/**
 * C000000200 East Logistics, the child reseller's customer of today's demo: five Basic licenses to
 * start with, a generated life, and an order for two Premium approved in the last week that waits
 * for its reseller's Final Confirm.
 */
export async function eastLogisticsStory(desk: CustomerDesk, end: number): Promise<void> {
  await customerLife(desk, { opening: [{ package: BASIC, quantity: 5 }], quietFrom: end - 14 * DAY_MS }, end);
  await desk.until(daysBeforeEnd(desk, end, 8));
  await desk.order([{ package: PREMIUM, quantity: 2 }], 'approved');
}

/** A customer's life: the story of a customer of the seed or of today's demo, or a generated one. */
export const lifeOf = (desk: CustomerDesk, end: number): Promise<void> => {
  switch (desk.customer.customerId) {
    case 'C000000150':
      return verticalDemoStory(desk, end);
    case 'C000000151':
      return acmeDentalStory(desk, end);
    case 'C000000200':
      return eastLogisticsStory(desk, end);
    default:
      return customerLife(desk, generatedPlan(desk), end);
  }
};
