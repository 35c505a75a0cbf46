import type { RegisteredAccount } from '@ledger/domain';
import { dateOf, firstOfNextMonth, minutesAfter, officeHours, workingDaysAfter } from './demo-calendar.js';
import type { DemoCaller } from './demo-api.js';
import type { CustomerProfile } from './demo-fleet.js';
import type { Random } from './random.js';
import type { Simulation } from './simulation.js';

/** The people who act for a customer: its reseller's admin, the approver, its customer manager. */
export interface CustomerPeople {
  readonly admin: DemoCaller;
  readonly approver: DemoCaller;
  readonly manager: DemoCaller;
}

/** An order item as the demo writes it: the package and +N adds or -N returns. */
export interface OrderLine {
  readonly package: string;
  readonly quantity: number;
  readonly trialDays?: number;
}

/** How far an order goes: through final confirm, refused on the way, cancelled, or left waiting. */
export type OrderOutcome =
  'confirmed' | 'rejected' | 'rejected-at-confirm' | 'cancelled' | 'submitted' | 'approved';

export interface NewUser {
  readonly extension: number;
  readonly name: string;
  readonly email: string;
}

const FIRST_NAMES = [
  'Maria',
  'James',
  'Aisha',
  'Chen',
  'Lucas',
  'Sofia',
  'Daniel',
  'Priya',
  'Noah',
  'Emma',
  'Omar',
  'Hannah',
  'Mateo',
  'Grace',
  'Ethan',
  'Yuki',
  'Liam',
  'Zara',
  'Samuel',
  'Elena',
  'Victor',
  'Nora',
];
const LAST_NAMES = [
  'Lopez',
  'Smith',
  'Khan',
  'Wang',
  'Silva',
  'Rossi',
  'Kim',
  'Patel',
  'Brown',
  'Novak',
  'Haddad',
  'Meyer',
  'Garcia',
  'Okafor',
  'Jensen',
  'Tanaka',
  'Murphy',
  'Costa',
  'Levi',
  'Dubois',
];

const REJECTIONS = [
  'Budget not approved this quarter',
  'Duplicate of an earlier order',
  'Customer asked to wait until next month',
  'Wrong package ordered',
];

/**
 * One customer's side of the ledger as its people use the API: registering it, orders walked through
 * their life cycle over working days, users set up, moved and removed. Every decision it makes reads
 * the account as the domain folds it from the recorded events, so it only asks for what the rules allow.
 */
export class CustomerDesk {
  private ordersPlaced = 0;

  constructor(
    readonly customer: CustomerProfile,
    readonly random: Random,
    private readonly sim: Simulation,
    private readonly people: CustomerPeople,
    private readonly loadAccount: () => Promise<RegisteredAccount>,
  ) {}

  /** The day the running step happens on. */
  today(): string {
    return dateOf(this.sim.now);
  }

  /** Goes on at a moment of office hours `days` working days from today (0: later today, if a working day). */
  async workingDaysLater(days: number): Promise<void> {
    const day = workingDaysAfter(this.today(), days);
    const moment = officeHours(day, this.random);
    await this.sim.at(day === this.today() ? Math.max(moment, minutesAfter(this.sim.now, 20)) : moment);
  }

  async minutesLater(min: number, max: number): Promise<void> {
    await this.sim.at(minutesAfter(this.sim.now, this.random.int(min, max)));
  }

  until(time: number): Promise<void> {
    return this.sim.at(time);
  }

  account(): Promise<RegisteredAccount> {
    return this.loadAccount();
  }

  async register(): Promise<void> {
    const { customerId, name, resellerId, extensionMin, extensionMax } = this.customer;
    await this.people.admin.send('POST', '/api/customers', {
      customerId,
      name,
      resellerId,
      servicePlan: 'Standard Plan',
      billingAccount: name,
      sites: [{ name, extensionMin, extensionMax }],
    });
  }

  /**
   * A return's change date: the first of next month, so the license is billed to the month's end and
   * not after (the first of the month after, near the month's end, so the order is confirmed before it).
   */
  returnDate(): string {
    const next = firstOfNextMonth(this.today());
    return workingDaysAfter(this.today(), 6) < next ? next : firstOfNextMonth(next);
  }

  async placeOrder(lines: readonly OrderLine[], changeDate = this.today()): Promise<string> {
    const type = this.ordersPlaced++ === 0 ? 'New' : 'Change';
    const { orderNo } = await this.people.admin.send<{ orderNo: string }>('POST', '/api/orders', {
      customerId: this.customer.customerId,
      title: `${this.customer.name} ${type} Order`,
      type,
      changeDate,
      items: this.items(lines),
    });
    return orderNo;
  }

  async replaceItems(orderNo: string, lines: readonly OrderLine[]): Promise<void> {
    await this.people.admin.send('PUT', `/api/orders/${orderNo}/items`, { items: this.items(lines) });
  }

  /** Walks a placed order: submitted the same day, approved one to three working days later, final confirmed up to two after. */
  async walk(orderNo: string, outcome: OrderOutcome): Promise<boolean> {
    const { admin, approver } = this.people;
    const reason = () => ({ reason: this.random.pick(REJECTIONS) });
    await this.minutesLater(10, 120);
    if (outcome === 'cancelled') return this.orderStep(admin, orderNo, 'cancel').then(() => false);
    await this.orderStep(admin, orderNo, 'submit');
    if (outcome === 'submitted') return false;
    await this.workingDaysLater(this.random.int(1, 3));
    if (outcome === 'rejected')
      return this.orderStep(approver, orderNo, 'reject', reason()).then(() => false);
    await this.orderStep(approver, orderNo, 'approve');
    if (outcome === 'approved') return false;
    await this.workingDaysLater(this.random.int(0, 2));
    if (outcome === 'rejected-at-confirm')
      return this.orderStep(admin, orderNo, 'reject', reason()).then(() => false);
    await this.orderStep(admin, orderNo, 'final-confirm');
    return true;
  }

  /** Places an order and walks it; true when its items became real. */
  async order(
    lines: readonly OrderLine[],
    outcome: OrderOutcome = 'confirmed',
    changeDate = this.today(),
  ): Promise<boolean> {
    return this.walk(await this.placeOrder(lines, changeDate), outcome);
  }

  /** A free extension of the site and a name for a new user; undefined when the range is full. */
  async newUser(): Promise<NewUser | undefined> {
    const { extensionMin: min, extensionMax: max, domain } = this.customer;
    const taken = new Set((await this.account()).users.keys());
    const first = this.random.int(min, max);
    for (let offset = 0; offset <= max - min; offset++) {
      const extension = min + ((first - min + offset) % (max - min + 1));
      if (taken.has(extension)) continue;
      const [given, family] = [this.random.pick(FIRST_NAMES), this.random.pick(LAST_NAMES)];
      return { extension, name: `${given} ${family}`, email: `${given}.${family}@${domain}`.toLowerCase() };
    }
    return undefined;
  }

  async addUser(pkg: string, user: NewUser): Promise<void> {
    await this.people.manager.send('POST', `/api/customers/${this.customer.customerId}/users`, {
      ...user,
      site: this.customer.name,
      portalId: `${user.extension}@cm-${this.customer.domain}`,
      package: pkg,
    });
  }

  async changePackage(extension: number, pkg: string): Promise<void> {
    await this.people.manager.send(
      'POST',
      `/api/customers/${this.customer.customerId}/users/${extension}/package`,
      { package: pkg },
    );
  }

  async removeUser(extension: number): Promise<void> {
    await this.people.manager.send('DELETE', `/api/customers/${this.customer.customerId}/users/${extension}`);
  }

  private orderStep(caller: DemoCaller, orderNo: string, step: string, body: object = {}): Promise<unknown> {
    return caller.send('POST', `/api/orders/${orderNo}/${step}`, body);
  }

  private items(lines: readonly OrderLine[]) {
    return lines.map((line) => ({
      itemGroup: 'User License',
      package: line.package,
      quantity: line.quantity,
      trialDays: line.trialDays ?? 0,
      billingAccount: this.customer.name,
    }));
  }
}
