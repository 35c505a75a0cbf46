import { Injectable } from '@nestjs/common';
import type { CustomerAccount, RegisteredAccount } from '@ledger/domain';
import { isTenant, type Principal } from '../auth/principal.js';
import { notFound, type ProblemError } from '../http/problem.js';
import { ResellerDirectory } from './reseller-directory.js';

/** What a scope miss answers: exactly what a missing resource of the route answers. */
export type Missing = () => ProblemError;

/**
 * A reseller sees only its own customers and its child resellers' customers; a customer manager
 * only its own customer; the operator none. Anything else is answered exactly as if it did not exist.
 */
@Injectable()
export class CustomerScope {
  constructor(private readonly directory: ResellerDirectory) {}

  async canSee(principal: Principal, customerId: string, resellerId: string): Promise<boolean> {
    if (!isTenant(principal)) return false;
    if (principal.role === 'customer-manager' && principal.customerId !== customerId) return false;
    return this.directory.isWithin(principal.resellerId, resellerId);
  }

  async visible(
    principal: Principal,
    account: CustomerAccount,
    customerId: string,
    missing: Missing = () => notFound('customer', customerId),
  ): Promise<RegisteredAccount> {
    if (account.status !== 'registered' || !(await this.canSee(principal, customerId, account.resellerId)))
      throw missing();
    return account;
  }

  /** A reseller admin may act for its own reseller and for its descendants only. */
  async assertResellerInScope(principal: Principal, resellerId: string): Promise<void> {
    if (!isTenant(principal) || !(await this.directory.isWithin(principal.resellerId, resellerId)))
      throw notFound('reseller', resellerId);
  }
}
