import { type PipeTransform } from '@nestjs/common';
import { type z } from 'zod';
import { type FieldError, validationProblem } from './problem.js';

const RULES: Partial<Record<string, string>> = {
  invalid_type: 'type',
  too_small: 'min',
  too_big: 'max',
  invalid_format: 'format',
  invalid_value: 'enum',
  not_multiple_of: 'integer',
  unrecognized_keys: 'unknown-field',
};

const fieldName = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');

/** One FieldError per bad field; an unknown field is named itself rather than its parent object. */
export const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key]),
        rule: 'unknown-field',
        message: `${key} is not a field of this request`,
      }));
    }
    const rule = issue.code === 'custom' ? String(issue.params?.rule ?? 'invalid') : (RULES[issue.code] ?? issue.code);
    return [{ field: fieldName(issue.path) || 'body', rule, message: issue.message }];
  });

export const parseOrThrow = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationProblem(fieldErrors(result.error));
  return result.data;
};

/** Validates a request body (or query) at the edge: unknown fields, types, ranges and formats. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value);
  }
}
