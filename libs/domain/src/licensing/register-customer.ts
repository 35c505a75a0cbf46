import type { Command } from '../shared/decider.js';
import { CustomerExists, DuplicateSite, InvalidSiteRange, NoSites } from '../shared/errors.js';
import type { CustomerAccount } from './customer-account.js';
import type { CustomerRegistered } from './events.js';

export type RegisterCustomer = Command<'RegisterCustomer', CustomerRegistered['data']>;

const isExtension = (n: number): boolean => Number.isInteger(n) && n >= 0;

export const registerCustomer = (command: RegisterCustomer, state: CustomerAccount): CustomerRegistered[] => {
  const { customerId, sites } = command.data;
  if (state.status === 'registered') throw CustomerExists({ customerId });
  if (sites.length === 0) throw NoSites({ customerId });
  const names = new Set<string>();
  for (const { name, extensionMin, extensionMax } of sites) {
    if (names.has(name)) throw DuplicateSite({ customerId, site: name });
    names.add(name);
    if (!isExtension(extensionMin) || !isExtension(extensionMax) || extensionMin > extensionMax) {
      throw InvalidSiteRange({ customerId, site: name, extensionMin, extensionMax });
    }
  }
  return [{ type: 'CustomerRegistered', data: command.data }];
};
