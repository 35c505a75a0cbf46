import { Body, Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface.js';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import multer from 'multer';
import { z } from 'zod';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiIdempotencyKey, ApiProblem, ApiProblems } from '../../http/api-problems.js';
import { ApiResult, type ResponseBody } from '../../http/api-responses.js';
import { characterProblem } from '../../http/fields.js';
import { validationProblem } from '../../http/problem.js';
import { ZodPipe } from '../../http/zod-body.pipe.js';
import { IdempotentUpload } from '../../idempotency/idempotency.interceptor.js';
import { UploadIdempotencyInterceptor } from '../../idempotency/upload-idempotency.interceptor.js';
import { Ctx, type RequestContext } from '../../shared/request-context.js';
import { ImportInvoiceCommand } from './import-invoice.handler.js';
import type { UploadedInvoice } from './invoice-file.js';
import { importedInvoice, importInvoiceProblem } from './import-invoice.response.js';

export const MAX_INVOICE_BYTES = 10 * 1024 * 1024;

/** One file of at most 10 MB, kept in memory (it is read whole anyway); no other part but a few small fields, which are refused below. */
const INVOICE_UPLOAD: MulterOptions = {
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_INVOICE_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  defParamCharset: 'utf8',
};

/** The form carries the file only: any other field is unknown (API.md: unknown fields are a 400). */
const InvoiceForm = z.strictObject({});

/** The upload, with its name checked: the name is recorded with the import and shown in answers. */
const requiredUpload = (file: UploadedInvoice | undefined): { file: UploadedInvoice; fileName: string } => {
  if (!file)
    throw validationProblem([
      { field: 'file', rule: 'required', message: 'send the invoice as the multipart/form-data field file' },
    ]);
  const name = file.originalname;
  const broken = characterProblem(name, /\p{Cc}/u);
  if (broken)
    throw validationProblem([{ field: 'file', ...broken, message: `the file name ${broken.message}` }]);
  if (name.length === 0 || name.length > 255)
    throw validationProblem([
      { field: 'file', rule: 'file-name', message: 'the file name must be 1 to 255 characters' },
    ]);
  return { file, fileName: name };
};

@ApiTags('billing')
@ApiBearerAuth()
@Controller('invoices')
export class ImportInvoiceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('billing-analyst', 'reseller-admin')
  @IdempotentUpload()
  @UseInterceptors(FileInterceptor('file', INVOICE_UPLOAD), UploadIdempotencyInterceptor)
  @ApiOperation({
    operationId: 'importInvoice',
    summary:
      "Import a carrier's invoice (CSV or XLSX, header customerId,package,quantity,period,amount): every line, or a 400 listing every bad cell by line and column and nothing imported",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV (UTF-8) or XLSX, at most 10 MB' },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiResult(201, importedInvoice, 'Every line of the invoice is imported')
  @ApiProblem(400, {
    schema: importInvoiceProblem,
    description:
      'Bad cells (`invalid-invoice`, every one listed by line and column), or a bad upload (`validation-failed`); nothing is imported',
  })
  @ApiProblems(401, 403, 409, 413, 503)
  import(
    @UploadedFile() file: UploadedInvoice | undefined,
    @Body(new ZodPipe(InvoiceForm)) _form: z.output<typeof InvoiceForm>,
    @Ctx() context: RequestContext,
  ): Promise<ResponseBody<typeof importedInvoice>> {
    const upload = requiredUpload(file);
    return this.commands.execute(new ImportInvoiceCommand(upload.file, upload.fileName, context));
  }
}
