import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

type UploadRequest = Request & { file?: { originalname: string; buffer: Buffer } };

/**
 * Idempotency-Key on a multipart upload route (marked `@IdempotentUpload()`), bound after the
 * route's FileInterceptor: the retry it recognises is the same file (name and bytes, by their hash)
 * with the same other fields, which the global interceptor cannot see before the upload is read.
 */
@Injectable()
export class UploadIdempotencyInterceptor extends IdempotencyInterceptor {
  override intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return this.keyed(context, next, (request: UploadRequest) => ({
      fields: request.body ?? {},
      file: request.file
        ? {
            name: request.file.originalname,
            sha256: createHash('sha256').update(request.file.buffer).digest('hex'),
          }
        : null,
    }));
  }
}
