import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

type OpenApiSchema = Parameters<typeof ApiBody>[0] extends infer O ? (O extends { schema?: infer S } ? S : never) : never;

/** The zod schema that validates a body is also its OpenAPI schema, so the two never drift apart. */
export const jsonSchemaOf = (schema: z.ZodType): OpenApiSchema =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' }) as OpenApiSchema;

export const ApiZodBody = (schema: z.ZodType, example: unknown) =>
  applyDecorators(ApiBody({ schema: { ...jsonSchemaOf(schema), example } }));

/** The problem responses a command can answer with, for the OpenAPI document. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: 'RFC 9457 problem document (application/problem+json); `type` ends in the rule' }),
    ),
  );
