import { resellerDecider, resellerStream } from '@ledger/domain';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import type { RegisterResellerRequest } from './register-reseller.request.js';

export interface RegisterResellerResult {
  readonly resellerId: string;
  readonly name: string;
  readonly parentResellerId: string;
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

/** A child reseller of the caller's own reseller. */
@CommandHandler(RegisterResellerCommand)
export class RegisterResellerHandler implements ICommandHandler<RegisterResellerCommand> {
  constructor(private readonly loop: DecisionLoop) {}

  async execute({ request, context }: RegisterResellerCommand): Promise<RegisterResellerResult> {
    const parentResellerId = context.principal.resellerId;
    const { position } = await this.loop.run(resellerStream(request.resellerId), resellerDecider, {
      type: 'RegisterReseller',
      data: { ...request, parentResellerId },
      metadata: this.loop.metadata(context),
    });
    return { ...request, parentResellerId, position };
  }
}
