import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import {
  type DomainError,
  invoiceDecider,
  invoiceIdOfStream,
  invoiceStream,
  isDomainError,
  namedCustomers,
} from '@ledger/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { isTenant } from '../../auth/principal.js';
import { PackageCatalog } from '../../catalog/package-catalog.js';
import { ReadYourWrites } from '../../queries/read-your-writes.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { invoiceProblem, readInvoiceFile, type UploadedInvoice } from './invoice-file.js';
import { visibleCustomers } from './visible-customers.query.js';

export interface ImportInvoiceResult {
  readonly invoiceId: string;
  /** How many lines were imported. */
  readonly lines: number;
  readonly position: number;
}

export class ImportInvoiceCommand extends Command<ImportInvoiceResult> {
  constructor(
    readonly file: UploadedInvoice,
    /** The file's own name, without any folder a client sent with it. */
    readonly fileName: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Reads the file, finds which customers it names the importer may see (on the customers read model,
 * caught up to the store's head first, so a customer registered a moment ago is found) and the
 * catalog, and lets the domain decide: every line good, or nothing recorded.
 */
@CommandHandler(ImportInvoiceCommand)
export class ImportInvoiceHandler implements ICommandHandler<ImportInvoiceCommand> {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly catalog: PackageCatalog,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(SQL_POOL) private readonly pool: Pool,
  ) {}

  async execute({ file, fileName, context }: ImportInvoiceCommand): Promise<ImportInvoiceResult> {
    const { principal } = context;
    if (!isTenant(principal)) throw new Error('invoices are imported for a reseller');
    const { format, rows } = await readInvoiceFile(file);
    await this.readYourWrites.waitForHead(undefined, ['customers']);
    const visible = await visibleCustomers(this.pool, principal, namedCustomers(rows));
    const packages = [...(await this.catalog.packages()).keys()];
    // A retry of a keyed request imports under the id an earlier attempt announced, so the decision
    // loop finds that attempt's event instead of recording the invoice a second time.
    const invoiceId =
      context.idempotent?.earlierAppends
        .map((intent) => invoiceIdOfStream(intent.streamId))
        .find((id) => id !== undefined) ?? randomUUID();
    try {
      const { events, position } = await this.loop.run(
        invoiceStream(invoiceId),
        invoiceDecider,
        {
          type: 'ImportInvoice',
          data: {
            invoiceId,
            resellerId: principal.resellerId,
            fileName,
            format,
            rows,
            visibleCustomers: visible,
            packages,
          },
          metadata: this.loop.metadata(context),
        },
        { idempotent: context.idempotent },
      );
      const [imported] = events;
      if (!imported) throw new Error(`invoice ${invoiceId} recorded no event`);
      return { invoiceId: imported.data.invoiceId, lines: imported.data.lines.length, position };
    } catch (error) {
      if (isDomainError(error) && error.type === 'invalid-invoice')
        throw invoiceProblem((error as DomainError<'invalid-invoice'>).context.errors);
      throw error;
    }
  }
}
