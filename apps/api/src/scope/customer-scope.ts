import { Injectable } from '@nestjs/common';
import type { CustomerAccount, RegisteredAccount } from '@ledger/domain';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../http/problem.js';
import { ResellerDirectory } from './reseller-directory.js';

/**
 * A reseller sees only its own customers and its child resellers' customers; a customer manager
 * only its own customer. Anything else is answered exactly as if it did not exist.
 */
@Injectable()
export class CustomerScope {
  constructor(private readonly directory: ResellerDirectory) {}

  async canSee(principal: Principal, customerId: string, resellerId: string): Promise<boolean> {
    if (principal.role === 'customer-manager' && principal.customerId !== customerId) return false;
    return this.directory.isWithin(principal.resellerId, resellerId);
  }

  async visible(principal: Principal, account: CustomerAccount, customerId: string): Promise<RegisteredAccount> {
    if (account.status !== 'registered' || !(await this.canSee(principal, customerId, account.resellerId))) {
      throw notFound('customer', customerId);
    }
    return account;
  }

  /** A reseller admin may act for its own reseller and for its descendants only. */
  async assertResellerInScope(principal: Principal, resellerId: string): Promise<void> {
    if (!(await this.directory.isWithin(principal.resellerId, resellerId))) throw notFound('reseller', resellerId);
  }
}
