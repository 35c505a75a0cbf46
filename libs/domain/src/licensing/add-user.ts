import type { Command } from '../shared/decider.js';
import { ExtensionOutOfRange, ExtensionTaken, UnknownSite } from '../shared/errors.js';
import type { RegisteredAccount } from './customer-account.js';
import type { UserAdded, UserData } from './events.js';
import { assertAvailableLicense } from './license-rules.js';

export type AddUser = Command<'AddUser', UserData & { readonly customerId: string }>;

/** An extension is unique per customer and inside its site's rule range; a user takes a license. */
export const addUser = (command: AddUser, account: RegisteredAccount): UserAdded[] => {
  const { customerId, extension, site: siteName } = command.data;
  const site = account.sites.find((s) => s.name === siteName);
  if (!site) throw UnknownSite({ customerId, site: siteName });
  const { extensionMin, extensionMax } = site;
  if (!Number.isInteger(extension) || extension < extensionMin || extension > extensionMax) {
    throw ExtensionOutOfRange({ customerId, extension, site: siteName, extensionMin, extensionMax });
  }
  if (account.users.has(extension)) throw ExtensionTaken({ customerId, extension });
  assertAvailableLicense(account, command.data.package);
  return [{ type: 'UserAdded', data: command.data }];
};
