import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PackageCatalog } from '../../catalog/package-catalog.js';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import { userView, type UserView } from '../user.view.js';

export class ChangePackageCommand extends Command<UserView> {
  constructor(
    readonly customerId: string,
    readonly extension: number,
    readonly targetPackage: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Change to Existing Package: the user takes an available license of the target; its old one becomes available. */
@CommandHandler(ChangePackageCommand)
export class ChangePackageHandler implements ICommandHandler<ChangePackageCommand> {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly customers: CustomerCommands,
    private readonly catalog: PackageCatalog,
  ) {}

  async execute({ customerId, extension, targetPackage, context }: ChangePackageCommand): Promise<UserView> {
    await this.customers.load(context.principal, customerId);
    await this.catalog.require('package', targetPackage);
    const decided = await this.customers.execute(context, {
      type: 'ChangePackage',
      data: { customerId, extension, package: targetPackage },
      metadata: this.loop.metadata(context),
    });
    return userView(decided.state, customerId, extension, decided.position);
  }
}
