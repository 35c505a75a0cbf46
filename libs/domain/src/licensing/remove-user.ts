import type { Command } from '../shared/decider.js';
import type { RegisteredAccount } from './customer-account.js';
import type { UserRemoved } from './events.js';
import { requireUser } from './license-rules.js';

export type RemoveUser = Command<'RemoveUser', { readonly customerId: string; readonly extension: number }>;

/** The user's license becomes available again. */
export const removeUser = (command: RemoveUser, account: RegisteredAccount): UserRemoved[] => {
  const { customerId, extension } = command.data;
  const user = requireUser(account, extension);
  return [{ type: 'UserRemoved', data: { customerId, extension, name: user.name, package: user.package } }];
};
