import { BASIC, confirmedOrder, item, on, PREMIUM, placeOrder, registerDemo, run } from '@ledger/domain/testing';
import { describe, it } from 'vitest';
import { ordersReadModel } from './orders.projection.js';
import { readModelSpec, recorded } from './testing/read-model-spec.js';

const spec = readModelSpec(ordersReadModel);
const approver = { role: 'approver', actor: 'approver@carrier' } as const;
const confirmed = run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 2)])]);
const placed = run([placeOrder('503037', [item(PREMIUM, 1), item(BASIC, -1)])], confirmed);
const after = (commands: Parameters<typeof run>[0]) => recorded(run(commands, placed)).slice(placed.length);
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

describe('orders read model', () => {
  it('shows a placed order as Temporary with its items, adds positive and returns negative', () => {
    spec(recorded(confirmed))
      .when(...recorded(placed).slice(confirmed.length))
      .then({
        orders: [{ orderNo: '503037', customerId: 'C000000150', status: 'Temporary', type: 'Change', submittedAt: null, finalConfirmedAt: null }],
        order_items: [
          { orderNo: '503037', itemNo: 1, package: PREMIUM, quantity: 1, nowQuantity: null, toBeQuantity: null },
          { orderNo: '503037', itemNo: 2, package: BASIC, quantity: -1, nowQuantity: null, toBeQuantity: null },
        ],
      });
  });

  it('stamps each status with the moment it was reached', () => {
    spec(recorded(placed))
      .when(...after([on('SubmitOrder', { orderNo: '503037' }), on('ApproveOrder', { orderNo: '503037' }, approver)]))
      .then({ orders: [{ status: 'Approved', submittedAt: at(placed.length + 1), approvedAt: at(placed.length + 2), updatedAt: at(placed.length + 2) }] });
  });

  it('keeps why an order was rejected, and when', () => {
    spec(recorded(placed))
      .when(...after([on('SubmitOrder', { orderNo: '503037' }), on('RejectOrder', { orderNo: '503037', reason: 'wrong package' }, approver)]))
      .then({ orders: [{ status: 'Rejected', rejectReason: 'wrong package', rejectedAt: at(placed.length + 2), approvedAt: null }] });
  });

  it('shows replaced items under their new numbers, the old ones gone', () => {
    spec(recorded(placed))
      .when(...after([on('ReplaceOrderItems', { orderNo: '503037', items: [item(PREMIUM, 2)] })]))
      .then({ order_items: [{ itemNo: 3, package: PREMIUM, quantity: 2 }] });
  });

  it('gives a final confirmed order the confirm screen: Now, Order, To Be, Act. Date and Billing Start per item', () => {
    const history = run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 3)]), ...confirmedOrder('503037', [item(PREMIUM, 1, { trialDays: 30 }), item(BASIC, -1)])]);
    spec()
      .when(...recorded(history))
      .then({
        orders: [
          { orderNo: '500001', status: 'FinalConfirmed', effectiveDate: '2023-10-24' },
          { orderNo: '503037', status: 'FinalConfirmed', finalConfirmedAt: '2023-10-24T13:18:11.000Z', effectiveDate: '2023-10-24' },
        ],
        order_items: [
          { orderNo: '500001', itemNo: 1, nowQuantity: 0, orderQuantity: 3, toBeQuantity: 3 },
          { orderNo: '503037', itemNo: 1, package: PREMIUM, nowQuantity: 0, orderQuantity: 1, toBeQuantity: 1, actDate: '2023-10-24', billingStart: '2023-11-23' },
          { orderNo: '503037', itemNo: 2, package: BASIC, nowQuantity: 3, orderQuantity: -1, toBeQuantity: 2, billingStart: '2023-10-24' },
        ],
      });
  });
});
