import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * The response bodies of the OpenAPI document, each a named schema under `components.schemas` (the
 * dashboard's typed client is generated from those names). Only the document reads this registry:
 * answers are not validated against it, but a controller typed with `ResponseBody` does not compile
 * when it returns something else than its schema says.
 */
const RESPONSE_SCHEMAS = z.registry<{ id: string }>();

/** Registers `schema` as the component `id` and returns it. */
export const named = <S extends z.ZodType>(id: string, schema: S): S => {
  RESPONSE_SCHEMAS.add(schema, { id });
  return schema;
};

const schemaRef = (id: string): string => `#/components/schemas/${id}`;

/** A `$ref` to the component of a named schema. */
export const refOf = (schema: z.ZodType): { $ref: string } => {
  const id = RESPONSE_SCHEMAS.get(schema)?.id;
  if (id === undefined)
    throw new Error('a response schema must be named (named(id, schema)) to be referenced');
  return { $ref: schemaRef(id) };
};

type DeepReadonly<T> = T extends readonly (infer I)[]
  ? readonly DeepReadonly<I>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** What a handler may return for `schema`: its fields, read-only, as the domain hands them over. */
export type ResponseBody<S extends z.ZodType> = DeepReadonly<z.input<S>>;

/**
 * What zod writes beyond what a client needs: an integer's safe-integer bounds, and the regular
 * expression of a date or time, which its `format` already names.
 */
const withoutNoise = ({ jsonSchema }: { jsonSchema: Record<string, unknown> }): void => {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.format === 'date' || jsonSchema.format === 'date-time') delete jsonSchema.pattern;
};

/**
 * Every named schema as an OpenAPI 3.0 schema, for `components.schemas`. Written as zod reads input
 * (no `additionalProperties: false`): API.md lets responses gain fields, so clients must accept them.
 */
export const responseComponents = (): Record<string, object> => {
  const { schemas } = z.toJSONSchema(RESPONSE_SCHEMAS, {
    target: 'openapi-3.0',
    io: 'input',
    uri: schemaRef,
    override: withoutNoise,
  });
  // zod gives each schema its URI as `$id`, which an OpenAPI 3.0 schema does not have.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _, ...schema }]) => [id, schema]));
};

/** The success answer of an operation: `status` with a JSON body of the named `schema`. */
export const ApiResult = <S extends z.ZodType>(
  status: number,
  schema: S,
  description: string,
  example?: ResponseBody<S>,
) => ApiResponse({ status, description, schema: refOf(schema), ...(example !== undefined && { example }) });

/** The global position of the last event a command recorded, or that a read reflects. */
export const position = z
  .int()
  .describe('The global position of the last event recorded or reflected: pass it back as ?minPosition=');

/** A page of a list (API.md "Reads"): pass `nextCursor` back as `?cursor=`. */
export const pageSchema = <T extends z.ZodType>(items: T) =>
  z.object({
    items: z.array(items),
    nextCursor: z.string().nullable().describe("The next page's ?cursor=; null on the last page"),
  });

/** A calendar day, YYYY-MM-DD. */
export const day = z.iso.date();

/** An instant, ISO 8601 in UTC. */
export const instant = z.iso.datetime();
