import { describe, expect, it } from 'vitest';
import { BASIC, CUSTOMER_ID, confirmedOrder, given, item, on, placeOrder, registerDemo, run, stateOf } from '../testing/customer-fixtures.js';
import type { DomainErrorType } from '../shared/errors.js';
import type { CustomerCommand } from './customer-account-decider.js';
import { isSettled, ORDER_TRANSITIONS } from './order-lifecycle.js';
import { ORDER_STATUSES, type Order, type OrderStatus } from './order.js';
import { orderOf } from './queries.js';

const orderNo = '503037';
const approver = { role: 'approver', actor: 'approver@carrier' } as const;
const held = () => run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 2)])]);

/** The commands that bring a fresh order to each status. */
const pathTo: Record<OrderStatus, CustomerCommand[]> = {
  Temporary: [placeOrder(orderNo, [item(BASIC, 1)])],
  Submitted: [placeOrder(orderNo, [item(BASIC, 1)]), on('SubmitOrder', { orderNo })],
  Approved: [placeOrder(orderNo, [item(BASIC, 1)]), on('SubmitOrder', { orderNo }), on('ApproveOrder', { orderNo })],
  Rejected: [placeOrder(orderNo, [item(BASIC, 1)]), on('SubmitOrder', { orderNo }), on('RejectOrder', { orderNo, reason: 'wrong package' }, approver)],
  Cancelled: [placeOrder(orderNo, [item(BASIC, 1)]), on('CancelOrder', { orderNo })],
  FinalConfirmed: confirmedOrder(orderNo, [item(BASIC, 1)]),
};

const commands: Record<keyof typeof ORDER_TRANSITIONS, CustomerCommand> = {
  ReplaceOrderItems: on('ReplaceOrderItems', { orderNo, items: [item(BASIC, 2)] }),
  SubmitOrder: on('SubmitOrder', { orderNo }),
  ApproveOrder: on('ApproveOrder', { orderNo }),
  RejectOrder: on('RejectOrder', { orderNo, reason: 'not needed' }),
  CancelOrder: on('CancelOrder', { orderNo }),
  FinalConfirmOrder: on('FinalConfirmOrder', { orderNo }),
};

const rejectBy = (role: 'approver' | 'reseller-admin') => on('RejectOrder', { orderNo, reason: 'not needed' }, { role });

const refusal: Record<keyof typeof ORDER_TRANSITIONS, DomainErrorType> = {
  ReplaceOrderItems: 'order-not-editable',
  SubmitOrder: 'invalid-transition',
  ApproveOrder: 'invalid-transition',
  RejectOrder: 'invalid-transition',
  CancelOrder: 'invalid-transition',
  FinalConfirmOrder: 'order-not-approved',
};

describe('order transitions table', () => {
  for (const command of Object.keys(ORDER_TRANSITIONS) as (keyof typeof ORDER_TRANSITIONS)[]) {
    const { from, to } = ORDER_TRANSITIONS[command];
    for (const status of ORDER_STATUSES) {
      const allowed = from.includes(status);
      const secondConfirm = command === 'FinalConfirmOrder' && status === 'FinalConfirmed';
      const outcome = allowed ? `moves it to ${to}` : secondConfirm ? 'records nothing' : `is refused with ${refusal[command]}`;
      it(`${command} on a ${status} order ${outcome}`, () => {
        const history = run(pathTo[status], held());
        // A Submitted order is rejected by the approver (see REJECTED_BY); every other command by the reseller admin.
        const sent = command === 'RejectOrder' && status === 'Submitted' ? rejectBy('approver') : commands[command];
        const when = given(history).when(sent);
        if (secondConfirm) when.then([]);
        else if (!allowed) when.thenThrows(refusal[command]);
        else {
          expect(orderOf(stateOf(run([sent], history)), orderNo)?.status).toBe(to);
        }
      });
    }
  }
});

describe('order life cycle', () => {
  it('approves a Submitted order', () => {
    given(run(pathTo.Submitted, held())).when(commands.ApproveOrder).then([{ type: 'OrderApproved', data: { customerId: CUSTOMER_ID, orderNo } }]);
  });

  it('rejects an Approved order with the reason (the reseller, instead of final confirm)', () => {
    given(run(pathTo.Approved, held()))
      .when(on('RejectOrder', { orderNo, reason: 'customer changed its mind' }))
      .then([{ type: 'OrderRejected', data: { customerId: CUSTOMER_ID, orderNo, reason: 'customer changed its mind' } }]);
  });

  it('rejects a Submitted order by the approver, with the reason', () => {
    given(run(pathTo.Submitted, held()))
      .when(rejectBy('approver'))
      .then([{ type: 'OrderRejected', data: { customerId: CUSTOMER_ID, orderNo, reason: 'not needed' } }]);
  });

  it('refuses a reject of a Submitted order by the reseller admin (the approver decides it)', () => {
    given(run(pathTo.Submitted, held())).when(rejectBy('reseller-admin')).thenThrows('rejecter-not-allowed');
  });

  it('refuses a reject of an Approved order by the approver (the reseller admin rejects it instead of final confirm)', () => {
    const error = given(run(pathTo.Approved, held())).when(rejectBy('approver')).thenThrows('rejecter-not-allowed');
    expect(error.context).toMatchObject({ status: 'Approved', role: 'approver', rejecter: 'reseller-admin' });
  });

  it('cancels a Temporary order', () => {
    given(run(pathTo.Temporary, held())).when(commands.CancelOrder).then([{ type: 'OrderCancelled', data: { customerId: CUSTOMER_ID, orderNo } }]);
  });

  it('refuses a command on an unknown order', () => {
    given(held()).when(commands.ApproveOrder).thenThrows('order-not-found');
  });
});

describe('settled orders', () => {
  it('are the ones no command moves any more: Rejected, Cancelled and FinalConfirmed', () => {
    const settled = ORDER_STATUSES.filter((status) => isSettled({ status } as Order));
    expect(settled).toEqual(['Rejected', 'Cancelled', 'FinalConfirmed']);
  });
});
