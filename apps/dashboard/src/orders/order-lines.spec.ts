import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../api/types';
import { itemsSummary, orderLines } from './order-lines';

const item = (itemNo: number, pkg: string, quantity: number) => ({
  itemNo,
  itemGroup: 'User License',
  package: pkg,
  quantity,
  trialDays: 0,
  billingAccount: 'Vertical Demo',
  comment: '',
  customerPrice: 20,
});

describe("an order's Now / Order / To Be", () => {
  it('given an open order, shows the licenses held now and what the order makes of them', () => {
    const order = {
      items: [item(1, 'Basic', -1), item(2, 'Premium', 2)],
      confirmedItems: [],
    } as unknown as OrderDetail;
    const held = new Map([['Basic', 7]]);
    expect(
      orderLines(order, (pkg) => held.get(pkg) ?? 0).map((l) => [l.package, l.now, l.order, l.toBe]),
    ).toEqual([
      ['Basic', 7, -1, 6],
      ['Premium', 0, 2, 2],
    ]);
  });

  it('given a confirmed order, shows what its confirmation recorded, not what is held today', () => {
    const order = {
      items: [item(1, 'Basic', 5)],
      confirmedItems: [
        { itemNo: 1, package: 'Basic', now: 0, order: 5, toBe: 5, billingStart: '2026-11-26' },
      ],
    } as unknown as OrderDetail;
    expect(orderLines(order, () => 99)).toEqual([
      {
        itemNo: 1,
        package: 'Basic',
        billingAccount: 'Vertical Demo',
        trialDays: 0,
        now: 0,
        order: 5,
        toBe: 5,
        billingStart: '2026-11-26',
      },
    ]);
  });
});

describe("an order's change in one line", () => {
  it('signs each quantity: adds with +, returns with -', () => {
    expect(itemsSummary([item(1, 'Basic', -1), item(2, 'Premium', 2)])).toBe('Basic -1, Premium +2');
  });
});
