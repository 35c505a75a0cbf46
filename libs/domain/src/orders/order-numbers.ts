/**
 * The `order-numbers` stream hands out order numbers. The event at revision r carries order number
 * 500001 + r, so finding an order by its number is one read of this stream at a known revision
 * (its customerId names the customer stream that holds the order).
 */
import type { Command, Decider, DomainEvent } from '../shared/decider.js';

const FIRST_ORDER_NO = 500001;

export type AssignOrderNumber = Command<'AssignOrderNumber', { readonly customerId: string }>;
export type OrderNumberAssigned = DomainEvent<'OrderNumberAssigned', { readonly orderNo: string; readonly customerId: string }>;
export interface OrderNumbers {
  readonly assigned: number;
}

export const orderNumbersDecider: Decider<AssignOrderNumber, OrderNumberAssigned, OrderNumbers> = {
  decide: (command, state) => [{ type: 'OrderNumberAssigned', data: { orderNo: String(FIRST_ORDER_NO + state.assigned), customerId: command.data.customerId } }],
  evolve: (state) => ({ assigned: state.assigned + 1 }),
  initialState: () => ({ assigned: 0 }),
};

/** The revision of the order-numbers stream that assigned `orderNo`, or undefined if it cannot be one. */
export const orderNumberRevision = (orderNo: string): number | undefined => {
  if (!/^[1-9]\d*$/.test(orderNo)) return undefined;
  const revision = Number(orderNo) - FIRST_ORDER_NO;
  return revision >= 0 && Number.isSafeInteger(revision) ? revision : undefined;
};
