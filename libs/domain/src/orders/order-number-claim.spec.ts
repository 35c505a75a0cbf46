import { describe, it } from 'vitest';
import { specFor } from '../testing/given-when-then.js';
import { command } from '../testing/metadata.js';
import {
  orderNumberClaimDecider,
  type ClaimOrderNumber,
  type OrderNumberClaimed,
} from './order-number-claim.js';

const given = specFor(orderNumberClaimDecider);
const claim = (customerId: string) =>
  command<ClaimOrderNumber>('ClaimOrderNumber', { orderNo: '500101', customerId });
const claimed = (customerId: string): OrderNumberClaimed => ({
  type: 'OrderNumberClaimed',
  data: { orderNo: '500101', customerId },
});

describe('claiming an order number', () => {
  it('claims a number no order has, for the customer placing the order', () => {
    given()
      .when(claim('C000000150'))
      .then([claimed('C000000150')]);
  });

  it('refuses a number already claimed, by any customer, without naming that customer', () => {
    given([claimed('C000000151')])
      .when(claim('C000000150'))
      .thenThrows('order-number-taken');
    given([claimed('C000000150')])
      .when(claim('C000000150'))
      .thenThrows('order-number-taken');
  });
});
