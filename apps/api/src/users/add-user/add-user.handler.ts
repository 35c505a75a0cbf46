import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PackageCatalog } from '../../catalog/package-catalog.js';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import { userView, type UserView } from '../user.view.js';
import type { AddUserRequest } from './add-user.request.js';

export class AddUserCommand extends Command<UserView> {
  constructor(
    readonly customerId: string,
    readonly request: AddUserRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Adds a user of one of the customer's sites; it takes an available license of its package. */
@CommandHandler(AddUserCommand)
export class AddUserHandler implements ICommandHandler<AddUserCommand> {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly customers: CustomerCommands,
    private readonly catalog: PackageCatalog,
  ) {}

  async execute({ customerId, request, context }: AddUserCommand): Promise<UserView> {
    await this.customers.load(context.principal, customerId);
    await this.catalog.require('package', request.package);
    const decided = await this.customers.execute(context, {
      type: 'AddUser',
      data: { customerId, ...request },
      metadata: this.loop.metadata(context),
    });
    return userView(decided.state, customerId, request.extension, decided.position);
  }
}
