import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiProblems } from './api-problems.js';

type OpenApiSchema = Parameters<typeof ApiBody>[0] extends infer O
  ? O extends { schema?: infer S }
    ? S
    : never
  : never;

/** The zod schema that validates a body is also its OpenAPI schema, so the two never drift apart. */
export const jsonSchemaOf = (schema: z.ZodType): OpenApiSchema =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' }) as OpenApiSchema;

/**
 * A JSON body, documented by the zod schema that validates it. The body parser answers before it:
 * 413 past its limit (100 kB), 415 for a charset or an encoding it does not read.
 */
export const ApiZodBody = (schema: z.ZodType, example: unknown) =>
  applyDecorators(ApiBody({ schema: { ...jsonSchemaOf(schema), example } }), ApiProblems(413, 415));
