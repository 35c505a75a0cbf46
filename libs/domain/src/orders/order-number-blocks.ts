/**
 * The `order-numbers` stream: blocks of order numbers reserved by the processes that hand them out.
 * A reservation is one append at the revision the process read, so two processes never get the
 * same block (the loser of a race re-reads and reserves the next one). Numbers a process reserved
 * but never handed out (it stopped first) are never given: order numbers may have gaps.
 */
import type { Command, Decider, DomainEvent } from '../shared/decider.js';
import { FIRST_ORDER_NO, type OrderNumberAssigned } from './order-numbers.js';

export type ReserveOrderNumbers = Command<'ReserveOrderNumbers', { readonly count: number }>;
/** Numbers first .. first + count - 1 are this reservation's to hand out. */
export type OrderNumbersReserved = DomainEvent<
  'OrderNumbersReserved',
  { readonly first: number; readonly count: number }
>;

export interface OrderNumberBlocks {
  /** The lowest number no block holds and no order was given before blocks. */
  readonly next: number;
}

const reserve = (command: ReserveOrderNumbers, state: OrderNumberBlocks): OrderNumbersReserved[] => {
  const { count } = command.data;
  // A block size is the API's configuration, never a user's input: a bad one is a bug.
  if (!Number.isSafeInteger(count) || count < 1)
    throw new RangeError(`a block of order numbers holds at least one, got ${count}`);
  return [{ type: 'OrderNumbersReserved', data: { first: state.next, count } }];
};

const after = (event: OrderNumbersReserved | OrderNumberAssigned): number =>
  event.type === 'OrderNumbersReserved'
    ? event.data.first + event.data.count
    : Number(event.data.orderNo) + 1;

export const orderNumberBlocksDecider: Decider<
  ReserveOrderNumbers,
  OrderNumbersReserved | OrderNumberAssigned,
  OrderNumberBlocks
> = {
  decide: reserve,
  evolve: (state, event) => ({ next: Math.max(state.next, after(event)) }),
  initialState: () => ({ next: FIRST_ORDER_NO }),
};
