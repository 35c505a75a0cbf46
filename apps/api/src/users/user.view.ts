import type { CustomerAccount, User } from '@ledger/domain';

/** A user as a command leaves it: the response body of adding a user and of changing its package. */
export type UserView = User & {
  readonly customerId: string;
  readonly removed: false;
  readonly position: number;
};

/** The response body of removing a user. */
export interface RemovedUserView {
  readonly customerId: string;
  readonly extension: number;
  readonly removed: true;
  readonly position: number;
}

/** The user `extension` in the account a command decided on, recorded at `position`. */
export const userView = (
  account: CustomerAccount,
  customerId: string,
  extension: number,
  position: number,
): UserView => {
  const user = account.status === 'registered' ? account.users.get(extension) : undefined;
  if (!user) throw new Error(`user ${extension} missing from ${customerId}`);
  return { customerId, ...user, removed: false, position };
};
