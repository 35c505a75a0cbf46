import { inventoryOf } from '@ledger/domain';
import { addUser, BASIC, confirmedOrder, item, on, PREMIUM, placeOrder, registerDemo, run, stateOf } from '@ledger/domain/testing';
import { describe, expect, it } from 'vitest';
import { licenseInventoryReadModel } from './license-inventory.projection.js';
import { readModelSpec, recorded, rowsAfter } from './testing/read-model-spec.js';

const spec = readModelSpec(licenseInventoryReadModel);
const approver = { role: 'approver', actor: 'approver@carrier' } as const;
const basicHeld = run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 2)]), addUser(297, BASIC)]);
const after = (commands: Parameters<typeof run>[0]) => recorded(run(commands, basicHeld)).slice(basicHeld.length);
const row = (pkg: string, counts: object) => ({ customerId: 'C000000150', package: pkg, ...counts });

describe('license inventory read model', () => {
  it('shows confirmed licenses as held, and a user on one as assigned', () => {
    spec()
      .when(...recorded(basicHeld))
      .then({ license_inventory: [row(BASIC, { held: 2, assigned: 1, pendingAdds: 0, pendingReturns: 0, toBe: 2, reserved: 0, available: 1 })] });
  });

  it('counts nothing of a Temporary order, and reserves a return once it is submitted', () => {
    spec(recorded(basicHeld))
      .when(...after([placeOrder('503037', [item(PREMIUM, 1), item(BASIC, -1)]), on('SubmitOrder', { orderNo: '503037' })]))
      .then({
        license_inventory: [
          row(BASIC, { held: 2, pendingReturns: 1, toBe: 1, assigned: 1, reserved: 1, available: 0 }),
          row(PREMIUM, { held: 0, pendingAdds: 1, toBe: 1, available: 0 }),
        ],
        license_inventory_orders: [{ orderNo: '503037', orderState: expect.objectContaining({ status: 'Submitted' }) }],
      });
  });

  it("releases a rejected order's pending licenses and forgets the order", () => {
    spec(recorded(basicHeld))
      .when(
        ...after([
          placeOrder('503037', [item(BASIC, -1)]),
          on('SubmitOrder', { orderNo: '503037' }),
          on('RejectOrder', { orderNo: '503037', reason: 'still in use' }, approver),
        ]),
      )
      .then({ license_inventory: [row(BASIC, { held: 2, pendingReturns: 0, reserved: 0, available: 1 })], license_inventory_orders: [] });
  });

  it('moves an upgraded user to the new package, and the final confirm makes both changes held', () => {
    spec(recorded(basicHeld))
      .when(
        ...after([
          ...confirmedOrder('503037', [item(PREMIUM, 1)]),
          on('ChangePackage', { extension: 297, package: PREMIUM }),
          ...confirmedOrder('503038', [item(BASIC, -1)]),
        ]),
      )
      .then({
        license_inventory: [row(BASIC, { held: 1, assigned: 0, available: 1 }), row(PREMIUM, { held: 1, assigned: 1, available: 0 })],
        license_inventory_orders: [],
      });
  });

  it("shows exactly the rows the domain's inventoryOf folds from the stream", () => {
    const history = run(
      [
        ...confirmedOrder('500002', [item(BASIC, 1)]),
        placeOrder('503037', [item(PREMIUM, 2), item(BASIC, -1)]),
        on('SubmitOrder', { orderNo: '503037' }),
        addUser(298, BASIC),
        on('ApproveOrder', { orderNo: '503037' }, approver),
      ],
      basicHeld,
    );
    const rows = (rowsAfter(licenseInventoryReadModel, recorded(history)).license_inventory ?? []) as Record<string, unknown>[];
    expect(rows.map(({ customerId: _, orderedPosition: _o, seenPosition: _s, ...rest }) => rest)).toEqual(inventoryOf(stateOf(history)));
  });
});
