import { resellerDecider, resellerStream } from '@ledger/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import type { RegisterResellerRequest } from './register-reseller.request.js';

export interface RegisterResellerResult {
  readonly resellerId: string;
  readonly name: string;
  readonly parentResellerId: string | null;
  readonly position: number;
}

export class RegisterResellerCommand extends Command<RegisterResellerResult> {
  constructor(
    readonly request: RegisterResellerRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * An operator registers a root reseller; a reseller admin a child of its own reseller. The id is
 * unique in the whole ledger (one stream per reseller id), so nobody can claim, re-parent or loop an
 * existing reseller: registering it again, as root or as child, is reseller-exists.
 */
@CommandHandler(RegisterResellerCommand)
export class RegisterResellerHandler implements ICommandHandler<RegisterResellerCommand> {
  constructor(private readonly loop: DecisionLoop) {}

  async execute({ request, context }: RegisterResellerCommand): Promise<RegisterResellerResult> {
    const parentResellerId = context.principal.resellerId ?? null;
    const { position } = await this.loop.run(
      resellerStream(request.resellerId),
      resellerDecider,
      {
        type: 'RegisterReseller',
        data: { ...request, parentResellerId },
        metadata: this.loop.metadata(context),
      },
      { idempotent: context.idempotent },
    );
    return { ...request, parentResellerId, position };
  }
}
