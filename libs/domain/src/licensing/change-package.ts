import type { Command } from '../shared/decider.js';
import { SamePackage } from '../shared/errors.js';
import type { RegisteredAccount } from './customer-account.js';
import type { PackageChanged } from './events.js';
import { assertAvailableLicense, requireUser } from './license-rules.js';

export type ChangePackage = Command<'ChangePackage', { readonly customerId: string; readonly extension: number; readonly package: string }>;

/** "Change to Existing Package": only a package with an available license; the old license becomes available. */
export const changePackage = (command: ChangePackage, account: RegisteredAccount): PackageChanged[] => {
  const { customerId, extension, package: toPackage } = command.data;
  const user = requireUser(account, extension);
  if (user.package === toPackage) throw SamePackage({ customerId, extension, package: toPackage });
  assertAvailableLicense(account, toPackage);
  return [{ type: 'PackageChanged', data: { customerId, extension, name: user.name, fromPackage: user.package, toPackage } }];
};
