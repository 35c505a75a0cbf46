/**
 * The customer-account decider: the customer stream is the one consistency boundary for everything
 * that changes license availability, so every command is decided against the whole account.
 */
import type { Decider } from '../shared/decider.js';
import { CustomerNotFound } from '../shared/errors.js';
import { addUser, type AddUser } from './add-user.js';
import { changePackage, type ChangePackage } from './change-package.js';
import { evolveAccount, foldAccount, initialAccount, type CustomerAccount, type RegisteredAccount } from './customer-account.js';
import type { CustomerEvent } from './events.js';
import { decideOrder, type OrderCommand, type OrderContext } from './order-lifecycle.js';
import { registerCustomer, type RegisterCustomer } from './register-customer.js';
import { removeUser, type RemoveUser } from './remove-user.js';
import { submitOrder } from './submit-order.js';

export type CustomerCommand = RegisterCustomer | AddUser | ChangePackage | RemoveUser | OrderCommand;

const requireCustomer = (state: CustomerAccount, customerId: string): RegisteredAccount => {
  if (state.status !== 'registered' || state.customerId !== customerId) throw CustomerNotFound({ customerId });
  return state;
};

const orderContext = (account: RegisteredAccount): OrderContext => ({
  customerId: account.customerId,
  servicePlan: account.servicePlan,
  held: (pkg) => account.held.get(pkg) ?? 0,
});

const decideOrderCommand = (command: OrderCommand, account: RegisteredAccount): CustomerEvent[] =>
  command.type === 'SubmitOrder'
    ? submitOrder(command, account, orderContext(account))
    : decideOrder(command, account.orders.get(command.data.orderNo), orderContext(account));

export const decideAccount = (command: CustomerCommand, state: CustomerAccount): CustomerEvent[] => {
  if (command.type === 'RegisterCustomer') return registerCustomer(command, state);
  const account = requireCustomer(state, command.data.customerId);
  switch (command.type) {
    case 'AddUser':
      return addUser(command, account);
    case 'ChangePackage':
      return changePackage(command, account);
    case 'RemoveUser':
      return removeUser(command, account);
    default:
      return decideOrderCommand(command, account);
  }
};

export const customerAccountDecider: Decider<CustomerCommand, CustomerEvent, CustomerAccount> = {
  decide: decideAccount,
  evolve: evolveAccount,
  evolveAll: foldAccount,
  initialState: initialAccount,
};
