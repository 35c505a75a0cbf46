import { describe, expect, it } from 'vitest';
import { history } from '../testing/given-when-then.js';
import { command } from '../testing/metadata.js';
import { orderNumberRevision, orderNumbersDecider, type AssignOrderNumber } from './order-numbers.js';

const assign = (customerId: string) => command<AssignOrderNumber>('AssignOrderNumber', { customerId });

describe('order numbers', () => {
  it('assigns 500001 + the count assigned so far, so revision r holds order number 500001 + r', () => {
    const events = history(orderNumbersDecider, [assign('C000000150'), assign('C000000151'), assign('C000000150')]);
    expect(events.map((e) => e.data)).toEqual([
      { orderNo: '500001', customerId: 'C000000150' },
      { orderNo: '500002', customerId: 'C000000151' },
      { orderNo: '500003', customerId: 'C000000150' },
    ]);
    events.forEach((event, revision) => expect(orderNumberRevision(event.data.orderNo)).toBe(revision));
  });

  it('finds no revision for what cannot be an order number', () => {
    expect(orderNumberRevision('503037')).toBe(3036);
    for (const bad of ['500000', '', 'abc', '0500001', '5e5', '-1']) expect(orderNumberRevision(bad)).toBeUndefined();
  });
});
