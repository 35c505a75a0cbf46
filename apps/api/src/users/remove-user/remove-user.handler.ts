import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import type { RemovedUserView } from '../user.view.js';

export class RemoveUserCommand extends Command<RemovedUserView> {
  constructor(
    readonly customerId: string,
    readonly extension: number,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Removes a user; its license becomes available. */
@CommandHandler(RemoveUserCommand)
export class RemoveUserHandler implements ICommandHandler<RemoveUserCommand> {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly customers: CustomerCommands,
  ) {}

  async execute({ customerId, extension, context }: RemoveUserCommand): Promise<RemovedUserView> {
    const { position } = await this.customers.execute(context, {
      type: 'RemoveUser',
      data: { customerId, extension },
      metadata: this.loop.metadata(context),
    });
    return { customerId, extension, removed: true, position };
  }
}
