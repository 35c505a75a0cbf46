import { randomUUID } from 'node:crypto';
import {
  CATALOG_STREAM,
  type CommandMetadata,
  type CustomerAccount,
  customerAccountDecider,
  type CustomerCommand,
  type CustomerEvent,
  customerStream,
  DomainError,
  inventoryOf,
  type LedgerEvent,
  ORDER_NUMBERS_STREAM,
  resellerStream,
  toEnvelope,
} from '@ledger/domain';
import type { EventStore, JsonObject, NewEvent } from '@ledger/event-store';

const PACKAGES = [
  { name: 'Basic User With VM', itemGroup: 'User License', monthlyPrice: 20 },
  { name: 'Premium iPECS ONE USER', itemGroup: 'User License', monthlyPrice: 30 },
  { name: 'Premium PLUS iPECS ONE USER', itemGroup: 'User License', monthlyPrice: 40 },
  { name: 'Stand Alone VM', itemGroup: 'User License', monthlyPrice: 5 },
];
const RESELLERS = [
  { resellerId: 'RS-Vertical', name: 'Vertical', parentResellerId: null },
  { resellerId: 'RS-North', name: 'Vertical North', parentResellerId: 'RS-Vertical' },
  { resellerId: 'RS-South', name: 'Vertical South', parentResellerId: 'RS-Vertical' },
  { resellerId: 'RS-Other', name: 'Other Reseller', parentResellerId: null },
];
const START = Date.parse('2024-01-01T08:00:00Z');

/** A small deterministic PRNG (mulberry32), so a history can be regenerated from its seed. */
const randomFrom = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export interface LedgerHistory {
  /** Every stream's events in the order they are appended. */
  readonly streams: ReadonlyMap<string, NewEvent[]>;
  /** Each customer's domain events, to fold with the domain's own queries. */
  readonly customers: ReadonlyMap<string, CustomerEvent[]>;
  readonly eventCount: number;
}

const newEvent = (event: LedgerEvent, metadata: CommandMetadata): NewEvent => {
  const envelope = toEnvelope(event, metadata);
  return { id: randomUUID(), type: envelope.type, data: envelope.data as unknown as JsonObject, metadata: { ...envelope.metadata } };
};

/** One customer's life: orders placed, submitted, approved or rejected, final confirmed; users added, moved between packages, removed. */
class CustomerLife {
  state: CustomerAccount = customerAccountDecider.initialState();
  readonly events: CustomerEvent[] = [];
  readonly recorded: NewEvent[] = [];
  private readonly open: string[] = [];

  constructor(
    readonly customerId: string,
    private readonly random: () => number,
    private readonly orderNo: () => string,
    private readonly clock: () => string,
  ) {}

  private pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  try(command: Omit<CustomerCommand, 'metadata'>, role: CommandMetadata['role'] = 'reseller-admin'): boolean {
    const metadata: CommandMetadata = { actor: `${role}@${this.customerId}`, role, now: this.clock(), correlationId: randomUUID(), causationId: randomUUID() };
    try {
      const events = customerAccountDecider.decide({ ...command, metadata } as CustomerCommand, this.state);
      for (const event of events) {
        this.state = customerAccountDecider.evolve(this.state, event);
        this.events.push(event);
        this.recorded.push(newEvent(event, metadata));
      }
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }

  register(resellerId: string): void {
    const sites = [{ name: 'Main', extensionMin: 100, extensionMax: 299 }];
    const data = { customerId: this.customerId, name: `Customer ${this.customerId}`, resellerId, servicePlan: 'Standard Plan', billingAccount: 'Main', sites };
    this.try({ type: 'RegisterCustomer', data });
  }

  step(): void {
    const roll = this.random();
    if (roll < 0.25) this.placeOrder();
    else if (roll < 0.6) this.advanceOrder();
    else if (roll < 0.8) this.addUser();
    else if (roll < 0.93) this.changePackage();
    else this.removeUser();
  }

  private available(): string[] {
    return inventoryOf(this.state).filter((row) => row.available > 0).map((row) => row.package);
  }

  private placeOrder(): void {
    const pkg = this.pick(PACKAGES);
    if (!pkg) return;
    const returning = this.random() < 0.3 ? this.pick(this.available()) : undefined;
    const item = (name: string, quantity: number) => ({
      ...{ itemGroup: 'User License', package: name, quantity, trialDays: this.random() < 0.2 ? 30 : 0 },
      ...{ billingAccount: 'Main', comment: '', customerPrice: PACKAGES.find((p) => p.name === name)?.monthlyPrice ?? 0 },
    });
    const items = returning ? [item(returning, -1)] : [item(pkg.name, 1 + Math.floor(this.random() * 3))];
    const orderNo = this.orderNo();
    const changeDate = this.clock().slice(0, 10);
    const placed = this.try({ type: 'PlaceOrder', data: { customerId: this.customerId, orderNo, title: 'Change Order', type: 'Change', changeDate, note: '', items } });
    if (placed) this.open.push(orderNo);
  }

  private advanceOrder(): void {
    const orderNo = this.open[0];
    if (orderNo === undefined || this.state.status !== 'registered') return;
    const status = this.state.orders.get(orderNo)?.status;
    const data = { customerId: this.customerId, orderNo };
    const roll = this.random();
    if (status === 'Temporary') this.try(roll < 0.1 ? { type: 'CancelOrder', data } : { type: 'SubmitOrder', data });
    else if (status === 'Submitted') this.try(roll < 0.1 ? { type: 'RejectOrder', data: { ...data, reason: 'not this month' } } : { type: 'ApproveOrder', data }, 'approver');
    else if (status === 'Approved') this.try(roll < 0.05 ? { type: 'RejectOrder', data: { ...data, reason: 'changed our mind' } } : { type: 'FinalConfirmOrder', data });
    else this.open.shift();
  }

  private addUser(): void {
    const pkg = this.pick(this.available());
    if (!pkg || this.state.status !== 'registered') return;
    const extension = 100 + Math.floor(this.random() * 200);
    const data = { customerId: this.customerId, extension, name: `User ${extension}`, site: 'Main', portalId: `${extension}@cm.example`, email: `u${extension}@example.com`, package: pkg };
    this.try({ type: 'AddUser', data }, 'customer-manager');
  }

  private users(): number[] {
    return this.state.status === 'registered' ? [...this.state.users.keys()] : [];
  }

  private changePackage(): void {
    const extension = this.pick(this.users());
    const pkg = this.pick(this.available());
    if (extension === undefined || !pkg) return;
    this.try({ type: 'ChangePackage', data: { customerId: this.customerId, extension, package: pkg } }, 'customer-manager');
  }

  private removeUser(): void {
    const extension = this.pick(this.users());
    if (extension !== undefined) this.try({ type: 'RemoveUser', data: { customerId: this.customerId, extension } }, 'customer-manager');
  }
}

/** A realistic history of `customers` customers with about `eventsPerCustomer` events each, from the domain's own deciders. */
export function generateHistory(options: {
  customers: number;
  eventsPerCustomer: number;
  seed?: number;
  catalog?: boolean;
  /** Time between two commands (61 s by default); longer spreads a small history over months, as billing needs. */
  tickSeconds?: number;
}): LedgerHistory {
  const random = randomFrom(options.seed ?? 42);
  let tick = 0;
  const tickMs = (options.tickSeconds ?? 61) * 1000;
  const clock = () => new Date(START + tick++ * tickMs).toISOString();
  const meta = (role: CommandMetadata['role']): CommandMetadata => ({ actor: `${role}@RS-Vertical`, role, now: clock(), correlationId: randomUUID(), causationId: randomUUID() });
  const streams = new Map<string, NewEvent[]>();
  if (options.catalog ?? true) streams.set(CATALOG_STREAM, PACKAGES.map((data) => newEvent({ type: 'PackageAdded', data }, meta('reseller-admin'))));
  for (const data of RESELLERS) streams.set(resellerStream(data.resellerId), [newEvent({ type: 'ResellerRegistered', data }, meta('reseller-admin'))]);
  const orderNumbers: NewEvent[] = [];
  streams.set(ORDER_NUMBERS_STREAM, orderNumbers);
  const customers = new Map<string, CustomerEvent[]>();
  for (let i = 0; i < options.customers; i++) {
    const customerId = `C${String(100000 + i).padStart(9, '0')}`;
    const orderNo = () => {
      const no = String(500001 + orderNumbers.length);
      orderNumbers.push(newEvent({ type: 'OrderNumberAssigned', data: { orderNo: no, customerId } }, meta('reseller-admin')));
      return no;
    };
    const life = new CustomerLife(customerId, random, orderNo, clock);
    life.register(RESELLERS[i % RESELLERS.length]?.resellerId ?? 'RS-Vertical');
    while (life.recorded.length < options.eventsPerCustomer) life.step();
    streams.set(customerStream(customerId), life.recorded);
    customers.set(customerId, life.events);
  }
  const eventCount = [...streams.values()].reduce((n, events) => n + events.length, 0);
  return { streams, customers, eventCount };
}

/** Appends the history stream by stream in rounds of `chunk` events, so the customers' events interleave in the global order. */
export async function appendHistory(store: EventStore, history: LedgerHistory, chunk = 100): Promise<void> {
  const queues = [...history.streams].map(([streamId, events]) => ({ streamId, events, next: 0 }));
  while (queues.some((q) => q.next < q.events.length)) {
    for (const queue of queues) {
      if (queue.next >= queue.events.length) continue;
      const events = queue.events.slice(queue.next, queue.next + chunk);
      await store.appendToStream(queue.streamId, events, queue.next === 0 ? 'no-stream' : queue.next - 1);
      queue.next += events.length;
    }
  }
}
