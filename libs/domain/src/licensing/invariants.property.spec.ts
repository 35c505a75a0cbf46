import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { BASIC, PREMIUM, addUser, item, on, placeOrder, registerDemo, stateOf } from '../testing/customer-fixtures.js';
import { customerAccountDecider, type CustomerCommand } from './customer-account-decider.js';
import type { CustomerEvent } from './events.js';
import { inventoryOf } from './inventory.js';

const packages = [BASIC, PREMIUM, 'Stand Alone VM'];
const pkg = fc.constantFrom(...packages);
const orderNo = fc.integer({ min: 500001, max: 500003 }).map(String);
const extension = fc.integer({ min: 100, max: 103 });
const items = fc.array(fc.tuple(pkg, fc.integer({ min: -2, max: 4 }).filter((q) => q !== 0)), { maxLength: 3 }).map((list) => list.map(([p, q]) => item(p, q)));
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2023-10-${String(d).padStart(2, '0')}T10:00:00Z`);

/** Life-cycle steps and user commands are weighted up so that sequences reach confirmed licenses and users. */
const command: fc.Arbitrary<CustomerCommand> = fc.oneof(
  { arbitrary: fc.tuple(orderNo, items).map(([no, list]) => placeOrder(no, list)), weight: 2 },
  { arbitrary: fc.tuple(orderNo, items).map(([no, list]) => on('ReplaceOrderItems', { orderNo: no, items: list })), weight: 1 },
  { arbitrary: orderNo.map((no) => on('SubmitOrder', { orderNo: no })), weight: 3 },
  { arbitrary: orderNo.map((no) => on('ApproveOrder', { orderNo: no })), weight: 3 },
  {
    arbitrary: fc.tuple(orderNo, fc.constantFrom('approver', 'reseller-admin') as fc.Arbitrary<'approver' | 'reseller-admin'>).map(([no, role]) =>
      on('RejectOrder', { orderNo: no, reason: 'no' }, { role }),
    ),
    weight: 1,
  },
  { arbitrary: orderNo.map((no) => on('CancelOrder', { orderNo: no })), weight: 1 },
  { arbitrary: fc.tuple(orderNo, day).map(([no, now]) => on('FinalConfirmOrder', { orderNo: no }, { now })), weight: 3 },
  { arbitrary: fc.tuple(extension, pkg).map(([ext, p]) => addUser(ext, p)), weight: 4 },
  { arbitrary: fc.tuple(extension, pkg).map(([ext, p]) => on('ChangePackage', { extension: ext, package: p })), weight: 4 },
  { arbitrary: extension.map((ext) => on('RemoveUser', { extension: ext })), weight: 2 },
);

const sequence = fc.array(command, { minLength: 10, maxLength: 60, size: 'max' });

/** Applies each command that the decider accepts; a refused one must be refused with a DomainError. */
const apply = (commands: readonly CustomerCommand[]): CustomerEvent[][] => {
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

describe('license invariants under random command sequences', () => {
  it('held, assigned, reserved and available never go negative, assigned never exceeds held, and To Be stays >= 0', () => {
    fc.assert(
      fc.property(sequence, (commands) => {
        for (const events of apply(commands)) {
          for (const row of inventoryOf(stateOf(events))) {
            expect(Math.min(row.held, row.assigned, row.reserved, row.available, row.toBe)).toBeGreaterThanOrEqual(0);
            expect(row.assigned).toBeLessThanOrEqual(row.held);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the random sequences do reach final confirms, reservations and package changes (the property is not vacuous)', () => {
    const recorded = fc.sample(sequence, { numRuns: 200, seed: 42 }).flatMap((commands) => apply(commands).at(-1) ?? []);
    const types = new Set(recorded.map((event) => event.type));
    expect([...types]).toEqual(expect.arrayContaining(['OrderFinalConfirmed', 'LicenseReturned', 'OrderSubmitted', 'UserAdded', 'PackageChanged', 'UserRemoved']));
  });
});
