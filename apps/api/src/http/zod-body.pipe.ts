import { type PipeTransform } from '@nestjs/common';
import { type z } from 'zod';
import { characterProblem } from './fields.js';
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

/**
 * A client's key echoed in an error must be storable and printable (the idempotency store keeps
 * error bodies in jsonb, which refuses U+0000 and unpaired surrogates), so such characters are
 * written as \uXXXX escapes.
 */
const printable = (key: string): string =>
  key.replace(/[\p{Cc}\p{Cs}]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

const fieldName = (path: readonly PropertyKey[]): string =>
  path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${printable(String(key))}`,
    )
    .join('');

/** A path built by its last key and its parent's path: a deeply nested body costs no copies. */
interface PathLink {
  readonly key: PropertyKey;
  readonly up: PathLink | undefined;
}

const pathOf = (link: PathLink | undefined): PropertyKey[] => {
  const path: PropertyKey[] = [];
  for (let at = link; at; at = at.up) path.push(at.key);
  return path.reverse();
};

/**
 * U+0000 and unpaired surrogates in any string of the input, keys included, whatever its schema
 * says: nothing a client sends reaches the store with them. Iterative, as a body may nest deeper
 * than the call stack.
 */
const characterErrors = (input: unknown, root: string): FieldError[] => {
  const errors: FieldError[] = [];
  const pending: [unknown, PathLink | undefined][] = [[input, undefined]];
  for (let next = 0; next < pending.length; next++) {
    const [value, at] = pending[next]!;
    if (typeof value === 'string') {
      const broken = characterProblem(value);
      if (broken) errors.push({ field: fieldName(pathOf(at)) || root, ...broken });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, { key: index, up: at }]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const broken = characterProblem(key);
        if (broken)
          errors.push({
            field: fieldName(pathOf({ key, up: at })),
            rule: broken.rule,
            message: `the field name ${broken.message}`,
          });
        else pending.push([item, { key, up: at }]);
      }
    }
  }
  return errors;
};

/** An unknown field is named itself rather than its parent object. */
const issueErrors = (error: z.ZodError, root: string): FieldError[] =>
  error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key]),
        rule: 'unknown-field',
        message: `${printable(key)} is not a field of this request`,
      }));
    }
    const rule =
      issue.code === 'custom' ? String(issue.params?.rule ?? 'invalid') : (RULES[issue.code] ?? issue.code);
    return [{ field: fieldName(issue.path) || root, rule, message: issue.message }];
  });

/** API.md: one FieldError per bad field, the first found (so the character rules win). */
const onePerField = (errors: readonly FieldError[]): FieldError[] => {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.field) && seen.add(error.field));
};

/** `root` names the value itself when the problem is with all of it (the body, or a path parameter's name). */
export const parseOrThrow = <S extends z.ZodType>(schema: S, value: unknown, root = 'body'): z.output<S> => {
  const input = value ?? {};
  const characters = characterErrors(input, root);
  const result = schema.safeParse(input);
  if (characters.length === 0 && result.success) return result.data;
  throw validationProblem(
    onePerField([...characters, ...(result.success ? [] : issueErrors(result.error, root))]),
  );
};

/** Validates a request body (or query) at the edge: characters, unknown fields, types, ranges and formats. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value);
  }
}
