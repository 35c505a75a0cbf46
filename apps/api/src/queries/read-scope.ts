import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { CustomerScope } from '../scope/customer-scope.js';
import { CustomerCommands } from '../shared/customer-commands.js';

/**
 * The scope check of every read, made before it waits for the read models (`minPosition`). It is
 * made on the events, as the commands make it, so it is never behind the read models: a customer
 * registered a moment ago is found, and one outside the scope is a 404 at once, never after a wait.
 */
@Injectable()
export class ReadScope {
  constructor(
    private readonly customers: CustomerCommands,
    private readonly scope: CustomerScope,
  ) {}

  /** 404, exactly as if it did not exist, unless the caller may see the customer. */
  async customer(principal: Principal, customerId: string): Promise<void> {
    await this.customers.load(principal, customerId);
  }

  /** 404 unless the reseller is the caller's own or one of its descendants. */
  reseller(principal: Principal, resellerId: string): Promise<void> {
    return this.scope.assertResellerInScope(principal, resellerId);
  }
}
