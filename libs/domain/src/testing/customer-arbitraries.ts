/** Random customer commands and the histories they record, for property specs of the customer stream. */
import fc from 'fast-check';
import { customerAccountDecider, type CustomerCommand } from '../licensing/customer-account-decider.js';
import type { CustomerEvent } from '../licensing/events.js';
import { DomainError } from '../shared/errors.js';
import { BASIC, PREMIUM, addUser, item, on, placeOrder, registerDemo, stateOf } from './customer-fixtures.js';

const packages = [BASIC, PREMIUM, 'Stand Alone VM'];
const pkg = fc.constantFrom(...packages);
const orderNo = fc.integer({ min: 500001, max: 500003 }).map(String);
const extension = fc.integer({ min: 100, max: 103 });
const items = fc
  .array(
    fc.tuple(
      pkg,
      fc.integer({ min: -2, max: 4 }).filter((q) => q !== 0),
    ),
    { maxLength: 3 },
  )
  .map((list) => list.map(([p, q]) => item(p, q)));
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2023-10-${String(d).padStart(2, '0')}T10:00:00Z`);

/** Life-cycle steps and user commands are weighted up so that sequences reach confirmed licenses and users. */
export const customerCommand: fc.Arbitrary<CustomerCommand> = fc.oneof(
  { arbitrary: fc.tuple(orderNo, items).map(([no, list]) => placeOrder(no, list)), weight: 2 },
  {
    arbitrary: fc
      .tuple(orderNo, items)
      .map(([no, list]) => on('ReplaceOrderItems', { orderNo: no, items: list })),
    weight: 1,
  },
  { arbitrary: orderNo.map((no) => on('SubmitOrder', { orderNo: no })), weight: 3 },
  { arbitrary: orderNo.map((no) => on('ApproveOrder', { orderNo: no })), weight: 3 },
  {
    arbitrary: fc
      .tuple(
        orderNo,
        fc.constantFrom('approver', 'reseller-admin') as fc.Arbitrary<'approver' | 'reseller-admin'>,
      )
      .map(([no, role]) => on('RejectOrder', { orderNo: no, reason: 'no' }, { role })),
    weight: 1,
  },
  { arbitrary: orderNo.map((no) => on('CancelOrder', { orderNo: no })), weight: 1 },
  {
    arbitrary: fc.tuple(orderNo, day).map(([no, now]) => on('FinalConfirmOrder', { orderNo: no }, { now })),
    weight: 3,
  },
  { arbitrary: fc.tuple(extension, pkg).map(([ext, p]) => addUser(ext, p)), weight: 4 },
  {
    arbitrary: fc
      .tuple(extension, pkg)
      .map(([ext, p]) => on('ChangePackage', { extension: ext, package: p })),
    weight: 4,
  },
  { arbitrary: extension.map((ext) => on('RemoveUser', { extension: ext })), weight: 2 },
);

export const commandSequence = fc.array(customerCommand, { minLength: 10, maxLength: 60, size: 'max' });

/**
 * Registers the demo customer, then applies each command that the decider accepts (a refused one
 * must be refused with a DomainError). Returns the history after each command.
 */
export const historiesOf = (commands: readonly CustomerCommand[]): CustomerEvent[][] => {
  const histories: CustomerEvent[][] = [];
  let events: CustomerEvent[] = [];
  for (const next of [registerDemo(), ...commands]) {
    try {
      events = [...events, ...customerAccountDecider.decide(next, stateOf(events))];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
    histories.push(events);
  }
  return histories;
};

/** The history a random command sequence records. */
export const customerHistory: fc.Arbitrary<CustomerEvent[]> = commandSequence.map(
  (commands) => historiesOf(commands).at(-1) ?? [],
);
