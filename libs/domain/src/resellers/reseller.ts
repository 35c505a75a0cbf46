/** The `reseller-<resellerId>` stream. A reseller may have a parent; scoping is the API's concern. */
import type { Command, Decider, DomainEvent } from '../shared/decider.js';
import { ResellerExists } from '../shared/errors.js';

export interface ResellerData {
  readonly resellerId: string;
  readonly name: string;
  readonly parentResellerId: string | null;
}

export type RegisterReseller = Command<'RegisterReseller', ResellerData>;
export type ResellerRegistered = DomainEvent<'ResellerRegistered', ResellerData>;
export type Reseller = { readonly status: 'unregistered' } | (ResellerData & { readonly status: 'registered' });

export const decideReseller = (command: RegisterReseller, state: Reseller): ResellerRegistered[] => {
  if (state.status === 'registered') throw ResellerExists({ resellerId: command.data.resellerId });
  return [{ type: 'ResellerRegistered', data: command.data }];
};

export const resellerDecider: Decider<RegisterReseller, ResellerRegistered, Reseller> = {
  decide: decideReseller,
  evolve: (_state, event) => ({ ...event.data, status: 'registered' }),
  initialState: () => ({ status: 'unregistered' }),
};
