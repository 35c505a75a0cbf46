import { customerAccountDecider, customerStream } from '@ledger/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CustomerScope } from '../../scope/customer-scope.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import type { RegisterCustomerRequest } from './register-customer.request.js';

export class RegisterCustomerCommand extends Command<RegisterCustomerRequest & { position: number }> {
  constructor(
    readonly request: RegisterCustomerRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand> {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly scope: CustomerScope,
  ) {}

  async execute({ request, context }: RegisterCustomerCommand) {
    await this.scope.assertResellerInScope(context.principal, request.resellerId);
    const { position } = await this.loop.run(
      customerStream(request.customerId),
      customerAccountDecider,
      {
        type: 'RegisterCustomer',
        data: request,
        metadata: this.loop.metadata(context),
      },
      { idempotent: context.idempotent },
    );
    return { ...request, position };
  }
}
