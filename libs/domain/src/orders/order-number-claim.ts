/**
 * The stream of one order number, `order-<orderNo>`: the order placed with the number claims it
 * with one append expecting no stream, so a number is never given to two orders, and the claim
 * names the customer whose stream holds the order (what finding an order by its number reads).
 */
import type { Command, Decider, DomainEvent } from '../shared/decider.js';
import { OrderNumberTaken } from '../shared/errors.js';

export type ClaimOrderNumber = Command<
  'ClaimOrderNumber',
  { readonly orderNo: string; readonly customerId: string }
>;
export type OrderNumberClaimed = DomainEvent<
  'OrderNumberClaimed',
  { readonly orderNo: string; readonly customerId: string }
>;

export type OrderNumberClaim =
  { readonly status: 'unclaimed' } | ({ readonly status: 'claimed' } & OrderNumberClaimed['data']);

const claim = (command: ClaimOrderNumber, state: OrderNumberClaim): OrderNumberClaimed[] => {
  if (state.status === 'claimed') throw OrderNumberTaken({ orderNo: command.data.orderNo });
  return [
    {
      type: 'OrderNumberClaimed',
      data: { orderNo: command.data.orderNo, customerId: command.data.customerId },
    },
  ];
};

export const orderNumberClaimDecider: Decider<ClaimOrderNumber, OrderNumberClaimed, OrderNumberClaim> = {
  decide: claim,
  evolve: (_, event) => ({ status: 'claimed', ...event.data }),
  initialState: () => ({ status: 'unclaimed' }),
};
