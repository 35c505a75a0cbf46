import { Injectable } from '@nestjs/common';
import { CustomerAccount, customerAccountDecider, CustomerCommand, CustomerEvent, customerStream } from '@ledger/domain';
import type { Principal } from '../auth/principal.js';
import { CustomerScope } from '../scope/customer-scope.js';
import { Decision, DecisionLoop } from './decision-loop.js';

/** Runs a command on a customer's account stream, for a caller who can see that customer. */
@Injectable()
export class CustomerCommands {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly scope: CustomerScope,
  ) {}

  execute(principal: Principal, command: CustomerCommand): Promise<Decision<CustomerEvent, CustomerAccount>> {
    const { customerId } = command.data;
    return this.loop.run(customerStream(customerId), customerAccountDecider, command, (state) =>
      this.scope.visible(principal, state, customerId),
    );
  }

  async load(principal: Principal, customerId: string) {
    const loaded = await this.loop.load(customerStream(customerId), customerAccountDecider);
    return { ...loaded, account: await this.scope.visible(principal, loaded.state, customerId) };
  }
}
