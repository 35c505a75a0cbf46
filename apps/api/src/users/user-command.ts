import { CustomerCommand, User } from '@ledger/domain';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CustomerCommands } from '../shared/customer-commands.js';
import { DecisionLoop } from '../shared/decision-loop.js';
import type { RequestContext } from '../shared/request-context.js';

type UserCommandType = 'AddUser' | 'ChangePackage' | 'RemoveUser';
type DataOf<T extends UserCommandType> = Extract<CustomerCommand, { type: T }>['data'];

/** The user as it stands after the command (absent once removed). */
export type UserResult = { readonly customerId: string; readonly position: number } & (
  | (User & { readonly removed: false })
  | { readonly extension: number; readonly removed: true }
);

/** Add a user, change its package, remove it: each one decision on the customer's account. */
export class UserCommand<T extends UserCommandType = UserCommandType> extends Command<UserResult> {
  constructor(
    readonly type: T,
    readonly data: DataOf<T>,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(UserCommand)
export class UserCommandHandler implements ICommandHandler<UserCommand> {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly customers: CustomerCommands,
  ) {}

  async execute({ type, data, context }: UserCommand): Promise<UserResult> {
    const command = { type, data, metadata: this.loop.metadata(context) } as CustomerCommand;
    const decided = await this.customers.execute(context.principal, command);
    const user = decided.state.status === 'registered' ? decided.state.users.get(data.extension) : undefined;
    const { customerId } = data;
    return user
      ? { customerId, ...user, removed: false, position: decided.position }
      : { customerId, extension: data.extension, removed: true, position: decided.position };
  }
}
