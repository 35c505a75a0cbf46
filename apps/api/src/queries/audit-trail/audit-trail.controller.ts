import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { applyDecorators, Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { LEDGER_EVENT_TYPES } from '@ledger/domain';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import { type Principal, ROLES } from '../../auth/principal.js';
import { ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { PositionParam } from '../../http/params.js';
import { notFound } from '../../http/problem.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { SQL_POOL } from '../../store/store.tokens.js';
import { minPosition } from '../query-params.js';
import { ReadScope } from '../read-scope.js';
import { ReadYourWrites } from '../read-your-writes.js';
import { auditEvent } from './audit-event.query.js';
import { AuditExportQuery, AuditListQuery } from './audit-filters.js';
import { type AuditScope, auditScopeOf } from './audit-scope.js';
import { auditCsv, openAuditExport } from './export-audit.query.js';
import { listAudit } from './list-audit.query.js';
import { verifyAudit } from './verify-audit.query.js';
import { auditEvent as auditEventResponse, auditPage, auditVerification } from './audit-trail.response.js';

/** The read models an audit read waits for with ?minPosition=: the rows, and the customers that scope them. */
const AUDIT_READ_MODELS = ['customers', 'audit-log'];

const PositionQuery = z.object({ minPosition }).strict();

const ApiAuditFilters = () =>
  applyDecorators(
    ApiQuery({ name: 'customerId', required: false, type: String }),
    ApiQuery({ name: 'extension', required: false, type: Number }),
    ApiQuery({ name: 'orderNo', required: false, type: String }),
    ApiQuery({
      name: 'actor',
      required: false,
      type: String,
      description: "the token's sub that recorded the event",
    }),
    ApiQuery({ name: 'role', required: false, enum: ROLES }),
    ApiQuery({
      name: 'type',
      required: false,
      enum: LEDGER_EVENT_TYPES,
      isArray: true,
      description: 'repeatable',
    }),
    ApiQuery({
      name: 'from',
      required: false,
      type: String,
      description: 'ISO 8601 date or time, inclusive',
    }),
    ApiQuery({ name: 'to', required: false, type: String, description: 'ISO 8601 date or time, exclusive' }),
    ApiQuery({
      name: 'q',
      required: false,
      type: String,
      description: 'text in the summary or the actor (any case), or an order number',
    }),
    ApiQuery({
      name: 'order',
      required: false,
      enum: ['desc', 'asc'],
      description: 'by global position; default desc',
    }),
    ApiQuery({ name: 'minPosition', required: false, type: Number }),
  );

const ITEM_FIELDS =
  'position, streamId, type, occurredAt, actor, role, customerId, orderNo, extension, summary, hash';

/**
 * The audit trail: every recorded event in the caller's scope, with who, when and what, each row
 * linked into its stream's hash chain. Every tenant role reads it within its scope; the operator,
 * who reads no customer data, does not. `audit/verify` is declared before `audit/:position`, which
 * would otherwise take "verify" for a position.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditTrailController {
  private readonly logger = new Logger('AuditTrail');

  constructor(
    @Inject(SQL_POOL) private readonly pool: Pool,
    private readonly scope: ReadScope,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Scope first (a customerId filter outside it is a 404, as everywhere), then ?minPosition=, then the streams in scope. */
  private async scopeOf(
    principal: Principal,
    minPosition: number | undefined,
    customerId?: string,
  ): Promise<AuditScope> {
    if (customerId !== undefined) await this.scope.customer(principal, customerId);
    await this.readYourWrites.waitFor(minPosition, AUDIT_READ_MODELS);
    return auditScopeOf(this.pool, principal);
  }

  @Get('audit')
  @ApiAuditFilters()
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary:
      "The audit trail in the caller's scope, filtered, newest first by default, paged by global position",
  })
  @ApiResult(200, auditPage, 'A page of audit rows, by global position')
  @ApiProblems(400, 401, 403, 404, 503)
  async list(
    @Query(new ZodPipe(AuditListQuery)) query: z.output<typeof AuditListQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof auditPage>> {
    const scope = await this.scopeOf(principal, query.minPosition, query.customerId);
    return listAudit(this.pool, scope, query, query);
  }

  @Get('audit.csv')
  @ApiAuditFilters()
  @ApiProduces('text/csv')
  @ApiOperation({
    operationId: 'exportAuditCsv',
    summary: 'Every row of the audit trail matching the filters, streamed as CSV (RFC 4180, a header row)',
  })
  @ApiOkResponse({
    description: `text/csv with the columns ${ITEM_FIELDS}; a cell starting with = + - @ gets a leading apostrophe`,
    schema: { type: 'string' },
  })
  @ApiProblems(400, 401, 403, 404, 503)
  async export(
    @Query(new ZodPipe(AuditExportQuery)) query: z.output<typeof AuditExportQuery>,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    const scope = await this.scopeOf(principal, query.minPosition, query.customerId);
    const rows = await openAuditExport(this.pool, scope, query);
    response.status(200).set({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit.csv"',
    });
    try {
      await pipeline(Readable.from(rows), auditCsv(), response);
    } catch (error) {
      // Rows are out already: cutting the response short (as pipeline did) is all that is left, and
      // the client sees an incomplete transfer rather than a file that looks whole.
      const code = (error as { code?: unknown }).code;
      if (code !== 'ERR_STREAM_PREMATURE_CLOSE')
        this.logger.error(`audit export cut short: ${String(error)}`);
    }
  }

  @Get('audit/verify')
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    operationId: 'verifyAuditTrail',
    summary: "Re-checks the hash chain of every stream in the caller's scope and names the first broken row",
  })
  @ApiResult(200, auditVerification, 'Whether every chain in scope holds, and the first row that does not')
  @ApiProblems(400, 401, 403, 503)
  async verify(
    @Query(new ZodPipe(PositionQuery)) query: z.output<typeof PositionQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof auditVerification>> {
    return verifyAudit(this.pool, await this.scopeOf(principal, query.minPosition));
  }

  @Get('audit/:position')
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOperation({
    operationId: 'getAuditEvent',
    summary: "One row of the audit trail with the event's data and metadata (correlation and causation ids)",
  })
  @ApiResult(200, auditEventResponse, 'The audit row with its data and metadata')
  @ApiProblems(400, 401, 403, 404, 503)
  async event(
    @PositionParam() position: number,
    @Query(new ZodPipe(PositionQuery)) query: z.output<typeof PositionQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseBody<typeof auditEventResponse>> {
    const event = await auditEvent(this.pool, await this.scopeOf(principal, query.minPosition), position);
    if (!event) throw notFound('audit event', String(position));
    return event;
  }
}
