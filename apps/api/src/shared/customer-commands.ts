import { Injectable } from '@nestjs/common';
import {
  type CustomerAccount,
  customerAccountDecider,
  type CustomerCommand,
  type CustomerEvent,
  customerStream,
} from '@ledger/domain';
import type { Principal } from '../auth/principal.js';
import { CustomerScope, type Missing } from '../scope/customer-scope.js';
import { type Decision, DecisionLoop } from './decision-loop.js';
import type { RequestContext } from './request-context.js';

/**
 * Runs a command on a customer's account stream, for a caller who can see that customer. `missing`
 * is what a scope miss answers: an order route answers "order ... does not exist", never naming the
 * customer that owns it.
 */
@Injectable()
export class CustomerCommands {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly scope: CustomerScope,
  ) {}

  execute(
    context: RequestContext,
    command: CustomerCommand,
    missing?: Missing,
  ): Promise<Decision<CustomerEvent, CustomerAccount>> {
    const { customerId } = command.data;
    return this.loop.run(customerStream(customerId), customerAccountDecider, command, {
      authorize: (state) => this.scope.visible(context.principal, state, customerId, missing),
      idempotent: context.idempotent,
    });
  }

  /** The account as the write side folds it, if the caller may see it (reads check scope with this before any wait). */
  async load(principal: Principal, customerId: string, missing?: Missing) {
    const loaded = await this.loop.load(customerStream(customerId), customerAccountDecider);
    return { ...loaded, account: await this.scope.visible(principal, loaded.state, customerId, missing) };
  }
}
