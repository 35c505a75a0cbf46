import { describe, expect, it } from 'vitest';
import { specFor } from '../testing/given-when-then.js';
import { command } from '../testing/metadata.js';
import {
  orderNumberBlocksDecider,
  type OrderNumbersReserved,
  type ReserveOrderNumbers,
} from './order-number-blocks.js';
import type { OrderNumberAssigned } from './order-numbers.js';

const given = specFor(orderNumberBlocksDecider);
const reserve = (count: number) => command<ReserveOrderNumbers>('ReserveOrderNumbers', { count });
const reserved = (first: number, count: number): OrderNumbersReserved => ({
  type: 'OrderNumbersReserved',
  data: { first, count },
});
const assigned = (orderNo: number): OrderNumberAssigned => ({
  type: 'OrderNumberAssigned',
  data: { orderNo: String(orderNo), customerId: 'C000000150' },
});

describe('reserving a block of order numbers', () => {
  it('reserves the first block from 500001', () => {
    given()
      .when(reserve(100))
      .then([reserved(500001, 100)]);
  });

  it('reserves the next block right after the last one, whoever reserved it', () => {
    given([reserved(500001, 100), reserved(500101, 20)])
      .when(reserve(100))
      .then([reserved(500121, 100)]);
  });

  it('starts after the numbers given one by one before blocks, so old and new numbers never meet', () => {
    given([assigned(500001), assigned(500002), assigned(500003)])
      .when(reserve(100))
      .then([reserved(500004, 100)]);
    given([assigned(500001), reserved(500002, 10)])
      .when(reserve(5))
      .then([reserved(500012, 5)]);
  });

  it('refuses a block of no numbers: the block size is configuration, and a bad one is a bug', () => {
    for (const count of [0, -1, 1.5])
      expect(() =>
        orderNumberBlocksDecider.decide(reserve(count), orderNumberBlocksDecider.initialState()),
      ).toThrow(RangeError);
  });
});
