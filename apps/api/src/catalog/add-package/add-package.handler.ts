import { CATALOG_STREAM, catalogDecider } from '@ledger/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import type { AddPackageRequest } from './add-package.request.js';

export interface AddPackageResult extends AddPackageRequest {
  readonly position: number;
}

export class AddPackageCommand extends Command<AddPackageResult> {
  constructor(
    readonly request: AddPackageRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(AddPackageCommand)
export class AddPackageHandler implements ICommandHandler<AddPackageCommand> {
  constructor(private readonly loop: DecisionLoop) {}

  async execute({ request, context }: AddPackageCommand): Promise<AddPackageResult> {
    const { position } = await this.loop.run(
      CATALOG_STREAM,
      catalogDecider,
      {
        type: 'AddPackage',
        data: request,
        metadata: this.loop.metadata(context),
      },
      { idempotent: context.idempotent },
    );
    return { ...request, position };
  }
}
