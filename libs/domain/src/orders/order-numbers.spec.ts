import { describe, expect, it } from 'vitest';
import { ORDER_NUMBERS_STREAM, orderNoOfStream, orderNumberStream } from '../shared/streams.js';
import { assignedOrderNumberRevision, customerOfOrderNumber, isOrderNumber } from './order-numbers.js';

const claimed = (orderNo: string, customerId: string) =>
  ({ type: 'OrderNumberClaimed', data: { orderNo, customerId } }) as const;
const assigned = (orderNo: string, customerId: string) =>
  ({ type: 'OrderNumberAssigned', data: { orderNo, customerId } }) as const;

describe('order numbers', () => {
  it('are digits without a leading zero, from 500001 on', () => {
    for (const good of ['500001', '503037', '9007199254740991']) expect(isOrderNumber(good)).toBe(true);
    for (const bad of ['500000', '', 'abc', '0500001', '5e5', '-1', '500001.0', '9007199254740993'])
      expect(isOrderNumber(bad)).toBe(false);
  });

  it('given before blocks, number 500001 + r was assigned at revision r of order-numbers', () => {
    expect(assignedOrderNumberRevision('500001')).toBe(0);
    expect(assignedOrderNumberRevision('503037')).toBe(3036);
    expect(assignedOrderNumberRevision('0500001')).toBeUndefined();
  });

  it('belong to the customer their claim names', () => {
    expect(customerOfOrderNumber('500101', claimed('500101', 'C000000150'))).toBe('C000000150');
  });

  it('given before blocks, belong to the customer their OrderNumberAssigned names', () => {
    expect(customerOfOrderNumber('500003', assigned('500003', 'C000000151'))).toBe('C000000151');
  });

  it('belong to no one when the event read gives another number, or none (a reservation, nothing at all)', () => {
    expect(customerOfOrderNumber('500004', assigned('500003', 'C000000151'))).toBeUndefined();
    expect(
      customerOfOrderNumber('500004', { type: 'OrderNumbersReserved', data: { first: 500004, count: 100 } }),
    ).toBeUndefined();
    expect(customerOfOrderNumber('500004', undefined)).toBeUndefined();
  });

  it('each has a stream of its own, order-<orderNo>, which no other stream is taken for', () => {
    expect(orderNumberStream('500101')).toBe('order-500101');
    expect(orderNoOfStream(orderNumberStream('500101'))).toBe('500101');
    for (const other of [ORDER_NUMBERS_STREAM, 'customer-500101', 'order-', 'order-5001a'])
      expect(orderNoOfStream(other)).toBeUndefined();
  });
});
