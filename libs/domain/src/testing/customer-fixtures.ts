import { customerAccountDecider, type CustomerCommand } from '../licensing/customer-account-decider.js';
import type { CustomerEvent } from '../licensing/events.js';
import type { OrderItemInput } from '../licensing/order-items.js';
import { fold, type CommandMetadata } from '../shared/decider.js';
import { history, specFor } from './given-when-then.js';
import { metadata } from './metadata.js';

export const CUSTOMER_ID = 'C000000150';
export const BASIC = 'Basic User With VM';
export const PREMIUM = 'Premium iPECS ONE USER';
export const SITE = 'Vertical Demo';

export const given = specFor(customerAccountDecider);
export const run = (commands: readonly CustomerCommand[], before: readonly CustomerEvent[] = []): CustomerEvent[] =>
  history(customerAccountDecider, commands, before);
export const stateOf = (events: readonly CustomerEvent[]) => fold(customerAccountDecider, events);

type Data<T extends CustomerCommand['type']> = Omit<Extract<CustomerCommand, { type: T }>['data'], 'customerId'>;

/** A command on the demo customer: `on('ChangePackage', { extension: 297, package: PREMIUM })`. */
export const on = <T extends CustomerCommand['type']>(type: T, data: Data<T>, meta: Partial<CommandMetadata> = {}): Extract<CustomerCommand, { type: T }> =>
  ({ type, data: { customerId: CUSTOMER_ID, ...data }, metadata: metadata(meta) }) as unknown as Extract<CustomerCommand, { type: T }>;

export const registerDemo = (): CustomerCommand =>
  on('RegisterCustomer', {
    name: 'Vertical Demo',
    resellerId: 'RS-Vertical',
    servicePlan: 'Standard Plan',
    billingAccount: 'Vertical Demo',
    sites: [{ name: SITE, extensionMin: 100, extensionMax: 299 }],
  });

export const item = (pkg: string, quantity: number, overrides: Partial<OrderItemInput> = {}): OrderItemInput => ({
  itemGroup: 'User License',
  package: pkg,
  quantity,
  trialDays: 0,
  billingAccount: 'Vertical Demo',
  comment: '',
  customerPrice: pkg === BASIC ? 20 : 30,
  ...overrides,
});

export const placeOrder = (orderNo: string, items: readonly OrderItemInput[], changeDate = '2023-10-24'): CustomerCommand =>
  on('PlaceOrder', { orderNo, title: 'Vertical Demo Change Order', type: 'Change', changeDate, note: '', items });

/** The commands that take an order from Temporary through Final Confirm. */
export const confirmedOrder = (orderNo: string, items: readonly OrderItemInput[], meta: Partial<CommandMetadata> = {}): CustomerCommand[] => [
  placeOrder(orderNo, items),
  on('SubmitOrder', { orderNo }),
  on('ApproveOrder', { orderNo }, { role: 'approver', actor: 'approver@carrier' }),
  on('FinalConfirmOrder', { orderNo }, meta),
];

/** An order confirmed at noon UTC of `day`, with the change date that same day. */
export const confirmedOn = (orderNo: string, day: string, items: readonly OrderItemInput[]): CustomerCommand[] =>
  confirmedOrder(orderNo, items, { now: `${day}T12:00:00.000Z` }).map((command) =>
    command.type === 'PlaceOrder' ? placeOrder(orderNo, items, day) : command,
  );

export const addUser = (extension: number, pkg: string, name = `User ${extension}`): CustomerCommand =>
  on('AddUser', { extension, name, site: SITE, portalId: `${extension}@cm-vertical-demo.com`, email: 'jstucker@vertical.com', package: pkg });
