import { NoAvailableLicense, UserNotFound } from '../shared/errors.js';
import type { RegisteredAccount, User } from './customer-account.js';
import { availableOf } from './inventory.js';

/** A user takes a license: it needs one that is neither assigned nor reserved. */
export const assertAvailableLicense = (account: RegisteredAccount, pkg: string): void => {
  const available = availableOf(account, pkg);
  if (available < 1) throw NoAvailableLicense({ customerId: account.customerId, package: pkg, available });
};

export const requireUser = (account: RegisteredAccount, extension: number): User => {
  const user = account.users.get(extension);
  if (!user) throw UserNotFound({ customerId: account.customerId, extension });
  return user;
};
