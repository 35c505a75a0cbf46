/** The seed's acceptance story: upgrade user 297 of Vertical Demo from Basic to Premium, then return the Basic license. */
import { describe, expect, it } from 'vitest';
import { BASIC, PREMIUM, addUser, confirmedOrder, item, on, placeOrder, registerDemo, run, stateOf } from '../testing/customer-fixtures.js';
import type { CustomerEvent } from './events.js';
import { inventoryOf } from './inventory.js';
import { orderOf, usersOf } from './queries.js';

const rowsOf = (events: CustomerEvent[]) =>
  Object.fromEntries(inventoryOf(stateOf(events)).map(({ package: pkg, itemGroup: _, ...row }) => [pkg, row]));
const row = (held: number, assigned: number, pending: { adds?: number; returns?: number } = {}) => {
  const pendingAdds = pending.adds ?? 0;
  const pendingReturns = pending.returns ?? 0;
  return { held, pendingAdds, pendingReturns, toBe: held + pendingAdds - pendingReturns, assigned, reserved: pendingReturns, available: held - assigned - pendingReturns };
};
const approver = { role: 'approver', actor: 'approver@carrier' } as const;

describe('upgrade a user type in iPECS Cloud (the seed story)', () => {
  const start = run([
    registerDemo(),
    ...confirmedOrder('500001', [item(BASIC, 1)]),
    on('AddUser', { extension: 297, name: '9240 Demo', site: 'Vertical Demo', portalId: '297@cm-vertical-demo.com', email: 'jstucker@vertical.com', package: BASIC }),
  ]);
  const premiumOrdered = run([placeOrder('503035', [item(PREMIUM, 1)]), on('SubmitOrder', { orderNo: '503035' })], start);
  const premiumApproved = run([on('ApproveOrder', { orderNo: '503035' }, approver)], premiumOrdered);
  const premiumConfirmed = run([on('FinalConfirmOrder', { orderNo: '503035' })], premiumApproved);
  const upgraded = run([on('ChangePackage', { extension: 297, package: PREMIUM }, { role: 'customer-manager', actor: 'manager@vertical' })], premiumConfirmed);
  const returnSubmitted = run([placeOrder('503037', [item(BASIC, -1)]), on('SubmitOrder', { orderNo: '503037' })], upgraded);

  it('starts with user 297 on Basic User With VM', () => {
    expect(usersOf(stateOf(start))).toEqual([{ extension: 297, name: '9240 Demo', site: 'Vertical Demo', portalId: '297@cm-vertical-demo.com', email: 'jstucker@vertical.com', package: BASIC }]);
    expect(rowsOf(start)).toEqual({ [BASIC]: row(1, 1) });
  });

  it('1. +1 Premium iPECS ONE USER: pending while submitted and approved, available after final confirm', () => {
    expect(rowsOf(premiumOrdered)[PREMIUM]).toEqual(row(0, 0, { adds: 1 }));
    expect(rowsOf(premiumApproved)[PREMIUM]).toEqual(row(0, 0, { adds: 1 }));
    expect(rowsOf(premiumConfirmed)).toEqual({ [BASIC]: row(1, 1), [PREMIUM]: row(1, 0) });
  });

  it('2. changing 297 to Premium takes the Premium license and frees the Basic one', () => {
    expect(usersOf(stateOf(upgraded))[0]?.package).toBe(PREMIUM);
    expect(rowsOf(upgraded)).toEqual({ [BASIC]: row(1, 0), [PREMIUM]: row(1, 1) });
  });

  it('3. the submitted return of -1 Basic reserves the license: no user can take it', () => {
    expect(rowsOf(returnSubmitted)[BASIC]).toEqual(row(1, 0, { returns: 1 }));
    expect(() => run([addUser(200, BASIC)], returnSubmitted)).toThrow(expect.objectContaining({ type: 'no-available-license' }));
  });

  it('4. approved and final confirmed, the returned license leaves the account and its reservation ends', () => {
    const approved = run([on('ApproveOrder', { orderNo: '503037' }, approver)], returnSubmitted);
    expect(rowsOf(approved)[BASIC]).toEqual(row(1, 0, { returns: 1 }));
    const confirmed = run([on('FinalConfirmOrder', { orderNo: '503037' })], approved);
    expect(rowsOf(confirmed)).toEqual({ [BASIC]: row(0, 0), [PREMIUM]: row(1, 1) });
    expect(orderOf(stateOf(confirmed), '503037')?.status).toBe('FinalConfirmed');
  });

  it('4b. rejected instead, the reservation is released', () => {
    const rejected = run([on('RejectOrder', { orderNo: '503037', reason: 'keep the license' }, approver)], returnSubmitted);
    expect(rowsOf(rejected)[BASIC]).toEqual(row(1, 0));
    expect(orderOf(stateOf(rejected), '503037')?.status).toBe('Rejected');
  });
});
