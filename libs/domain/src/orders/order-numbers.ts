/**
 * Order numbers: unique across processes and tenants, ascending within a process, and findable
 * from the number alone, without a stream that every order writes to.
 *
 * - A process reserves a block of numbers with one append to `order-numbers`
 *   (`OrderNumbersReserved`, order-number-blocks.ts) and hands them out itself.
 * - An order claims its number with one append to the number's own stream, `order-<orderNo>`
 *   (`OrderNumberClaimed`, order-number-claim.ts), whose event names the customer holding the order.
 * - Before blocks, `order-numbers` held one `OrderNumberAssigned` per order, at revision
 *   orderNo - 500001. Those histories stay readable: blocks start after their last number, and an
 *   order number with no claim stream is looked up there.
 */
import type { LedgerEvent } from '../events.js';
import type { DomainEvent } from '../shared/decider.js';

export const FIRST_ORDER_NO = 500001;

/** How order numbers were given before blocks: one event per order on `order-numbers`. Read, never written any more. */
export type OrderNumberAssigned = DomainEvent<
  'OrderNumberAssigned',
  { readonly orderNo: string; readonly customerId: string }
>;

/** Digits without a leading zero, from 500001 on: what this ledger gives orders. */
export const isOrderNumber = (value: string): boolean =>
  /^[1-9]\d*$/.test(value) && Number.isSafeInteger(Number(value)) && Number(value) >= FIRST_ORDER_NO;

/** The revision of `order-numbers` where the OrderNumberAssigned of `orderNo` is, if it was given before blocks. */
export const assignedOrderNumberRevision = (orderNo: string): number | undefined =>
  isOrderNumber(orderNo) ? Number(orderNo) - FIRST_ORDER_NO : undefined;

/**
 * The customer `orderNo` was given to, from the event that gave it: the first event of its own
 * stream, or for a number given before blocks the event at its revision of `order-numbers` (which
 * may be a later reservation, naming no order). Undefined when the event does not give this number.
 */
export const customerOfOrderNumber = (orderNo: string, event: LedgerEvent | undefined): string | undefined =>
  (event?.type === 'OrderNumberClaimed' || event?.type === 'OrderNumberAssigned') &&
  event.data.orderNo === orderNo
    ? event.data.customerId
    : undefined;
