import { describe, expect, it } from 'vitest';
import { BASIC, CUSTOMER_ID, PREMIUM, given, item, placeOrder, registerDemo, run } from '../testing/customer-fixtures.js';

const registered = () => run([registerDemo()]);
const ids = { customerId: CUSTOMER_ID, orderNo: '503037' };

describe('PlaceOrder', () => {
  it('places a Temporary order with one LicenseOrdered per add and one LicenseReturned per return, numbered 1..n', () => {
    given(registered())
      .when(placeOrder('503037', [item(PREMIUM, 1), item(BASIC, -1)]))
      .then([
        {
          type: 'OrderPlaced',
          data: {
            ...ids,
            title: 'Vertical Demo Change Order',
            type: 'Change',
            orderDate: '2023-10-24T13:18:11.000Z',
            changeDate: '2023-10-24',
            servicePlan: 'Standard Plan',
            note: '',
          },
        },
        { type: 'LicenseOrdered', data: { ...ids, itemNo: 1, ...item(PREMIUM, 1) } },
        { type: 'LicenseReturned', data: { ...ids, itemNo: 2, ...item(BASIC, 1) } },
      ]);
  });

  it('saves an order without items', () => {
    given(registered()).when(placeOrder('503037', [])).then([expect.objectContaining({ type: 'OrderPlaced' })]);
  });

  it('rejects a quantity of 0', () => {
    given(registered()).when(placeOrder('503037', [item(BASIC, 0)])).thenThrows('quantity-zero');
  });

  it('rejects a fractional quantity', () => {
    given(registered()).when(placeOrder('503037', [item(BASIC, 1.5)])).thenThrows('invalid-quantity');
  });

  it('rejects negative trial days', () => {
    given(registered()).when(placeOrder('503037', [item(BASIC, 1, { trialDays: -1 })])).thenThrows('invalid-trial-days');
  });

  it('rejects a negative customer price', () => {
    given(registered()).when(placeOrder('503037', [item(BASIC, 1, { customerPrice: -1 })])).thenThrows('invalid-price');
  });

  it('rejects a change date that is not a calendar date', () => {
    given(registered()).when(placeOrder('503037', [], '2023-02-30')).thenThrows('invalid-date');
  });

  it('rejects an order number already used in the account', () => {
    given(run([placeOrder('503037', [])], registered()))
      .when(placeOrder('503037', []))
      .thenThrows('order-exists');
  });
});
