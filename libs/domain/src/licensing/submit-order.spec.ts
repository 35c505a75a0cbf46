import { describe, it } from 'vitest';
import { addUser, BASIC, CUSTOMER_ID, confirmedOrder, given, item, on, placeOrder, registerDemo, run } from '../testing/customer-fixtures.js';

const twoBasicHeld = () => run([registerDemo(), ...confirmedOrder('500001', [item(BASIC, 2)])]);
const submit = (orderNo: string) => on('SubmitOrder', { orderNo });

describe('SubmitOrder', () => {
  it('submits a Temporary order with items', () => {
    given(run([placeOrder('503037', [item(BASIC, -1)])], twoBasicHeld()))
      .when(submit('503037'))
      .then([{ type: 'OrderSubmitted', data: { customerId: CUSTOMER_ID, orderNo: '503037' } }]);
  });

  it('rejects an order without items', () => {
    given(run([placeOrder('503037', [])], twoBasicHeld())).when(submit('503037')).thenThrows('order-has-no-items');
  });

  it('a return can only take unassigned, unreserved licenses: assigned ones cannot be returned', () => {
    given(run([addUser(101, BASIC), placeOrder('503037', [item(BASIC, -2)])], twoBasicHeld()))
      .when(submit('503037'))
      .thenThrows('return-exceeds-unassigned');
  });

  it('a return can only take unassigned, unreserved licenses: a license already reserved cannot be returned again', () => {
    const reservedOne = run([placeOrder('503036', [item(BASIC, -1)]), submit('503036'), addUser(101, BASIC), placeOrder('503037', [item(BASIC, -1)])], twoBasicHeld());
    given(reservedOne).when(submit('503037')).thenThrows('return-exceeds-unassigned');
  });

  it('sums the returns of one package across the order items', () => {
    given(run([placeOrder('503037', [item(BASIC, -1), item(BASIC, -2)])], twoBasicHeld()))
      .when(submit('503037'))
      .thenThrows('return-exceeds-unassigned');
  });

  it('rejects a return of a package the customer never held', () => {
    given(run([placeOrder('503037', [item('Stand Alone VM', -1)])], twoBasicHeld()))
      .when(submit('503037'))
      .thenThrows('return-exceeds-unassigned');
  });

  it('submits only from Temporary', () => {
    given(run([placeOrder('503037', [item(BASIC, 1)]), submit('503037')], twoBasicHeld()))
      .when(submit('503037'))
      .thenThrows('invalid-transition');
  });
});
