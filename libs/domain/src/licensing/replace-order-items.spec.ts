import { describe, it } from 'vitest';
import { BASIC, CUSTOMER_ID, PREMIUM, given, item, on, placeOrder, registerDemo, run } from '../testing/customer-fixtures.js';

const temporary = () => run([registerDemo(), placeOrder('503037', [item(BASIC, 2), item(PREMIUM, 1)])]);
const ids = { customerId: CUSTOMER_ID, orderNo: '503037' };

describe('ReplaceOrderItems', () => {
  it('removes the old items and numbers the new ones after the highest item number used', () => {
    given(temporary())
      .when(on('ReplaceOrderItems', { orderNo: '503037', items: [item(PREMIUM, -1)] }))
      .then([
        { type: 'OrderItemRemoved', data: { ...ids, itemNo: 1 } },
        { type: 'OrderItemRemoved', data: { ...ids, itemNo: 2 } },
        { type: 'LicenseReturned', data: { ...ids, itemNo: 3, ...item(PREMIUM, 1) } },
      ]);
  });

  it('items change only while Temporary', () => {
    given(run([on('SubmitOrder', { orderNo: '503037' })], temporary()))
      .when(on('ReplaceOrderItems', { orderNo: '503037', items: [item(BASIC, 1)] }))
      .thenThrows('order-not-editable');
  });

  it('rejects an unknown order number', () => {
    given(temporary()).when(on('ReplaceOrderItems', { orderNo: '999999', items: [] })).thenThrows('order-not-found');
  });
});
