import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse, type ApiResponseOptions, type ResponseObject } from '@nestjs/swagger';
import { z } from 'zod';
import { named, refOf } from './api-responses.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

/** The four members of every RFC 9457 problem document, as problem.ts writes them. */
const problemFields = {
  type: z
    .string()
    .describe('A URI reference whose last path segment is the rule, in kebab-case: /api/problems/<rule>'),
  title: z.string().describe('The rule in words'),
  status: z.int().describe('The HTTP status code'),
  detail: z.string().describe('What is wrong with this request'),
};

/** A named problem document schema: the four members of every problem, and `fields` of its own. */
export const problemSchema = (id: string, description: string, fields: z.ZodRawShape = {}) =>
  named(id, z.object({ ...problemFields, ...fields }).describe(description));

const problem = problemSchema(
  'Problem',
  'An RFC 9457 problem document. Members may follow the four: a broken domain rule adds its `context`, a 429 `retryAfter`, a 503 read-model-behind `position` and `minPosition`.',
);

const fieldError = named(
  'FieldError',
  z.object({
    field: z.string().describe('The field, as a path into the body (`items[0].quantity`), or a parameter'),
    rule: z.string().describe('The rule it breaks, in kebab-case'),
    message: z.string(),
  }),
);

export const badRequestProblem = problemSchema(
  'BadRequestProblem',
  'A 400 problem document: `validation-failed` names every bad field in `errors`',
  {
    errors: z
      .array(fieldError)
      .optional()
      .describe('One per bad field (validation-failed); absent for a body that is not JSON (malformed-json)'),
  },
);

interface HeaderObject {
  readonly description: string;
  readonly schema: { readonly type: 'string' | 'integer' };
}

export interface ProblemResponse {
  readonly description: string;
  readonly schema: z.ZodType;
  readonly headers?: Record<string, HeaderObject>;
}

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
} as const;

/**
 * What each status means on this API (the `type` of the problem document names the rule), as the
 * shared responses `components.responses.<name>` that operations refer to.
 */
const PROBLEMS = {
  400: {
    name: 'BadRequest',
    schema: badRequestProblem,
    description:
      'The request breaks a rule of its own: `validation-failed` (see `errors`) or `malformed-json`',
  },
  401: {
    name: 'Unauthorized',
    schema: problem,
    description: 'No bearer token, or an invalid or expired one (`unauthorized`)',
    headers: {
      'WWW-Authenticate': { description: '`Bearer`: the scheme the API takes', schema: { type: 'string' } },
    },
  },
  403: {
    name: 'Forbidden',
    schema: problem,
    description:
      "The token's role may not do this (`forbidden`), or the token's reseller is not registered (`reseller-not-registered`)",
  },
  404: {
    name: 'NotFound',
    schema: problem,
    description:
      "Not there, or outside the token's scope, which is answered exactly alike (`not-found`, `customer-not-found`, `order-not-found`, `user-not-found`)",
  },
  409: {
    name: 'Conflict',
    schema: problem,
    description:
      'A broken rule, named by `type` (`no-available-license`, `invalid-transition`, `concurrency-conflict`, ...); with an Idempotency-Key whose first request still runs, `idempotency-key-in-progress`',
  },
  413: {
    name: 'PayloadTooLarge',
    schema: problem,
    description: 'The request body is too large (`payload-too-large`)',
  },
  415: {
    name: 'UnsupportedMediaType',
    schema: problem,
    description:
      "The body's charset or content encoding is one the API does not read (`unsupported-media-type`)",
  },
  422: {
    name: 'IdempotencyKeyReused',
    schema: problem,
    description: 'The Idempotency-Key was used before with another body (`idempotency-key-reused`)',
  },
  429: {
    name: 'TooManyRequests',
    schema: problem,
    headers: RETRY_AFTER,
    description: 'Too many requests from this token or client address (`too-many-requests`)',
  },
  503: {
    name: 'ServiceUnavailable',
    schema: problem,
    headers: RETRY_AFTER,
    description:
      'Try again shortly: the read models did not reach `?minPosition=` within 5 s (`read-model-behind`), or the database is unreachable (`database-unavailable`)',
  },
} as const satisfies Record<number, ProblemResponse & { readonly name: string }>;

export type ProblemStatus = keyof typeof PROBLEMS;

const problemResponse = ({ description, schema, headers }: ProblemResponse): ResponseObject => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: refOf(schema) } },
  ...(headers && { headers }),
});

/** The shared problem responses, for `components.responses`. */
export const problemResponses = (): Record<string, ResponseObject> =>
  Object.fromEntries(Object.values(PROBLEMS).map((response) => [response.name, problemResponse(response)]));

/** A problem answer of its own, as application/problem+json. */
export const ApiProblem = (status: number, response: ProblemResponse) =>
  ApiResponse({ status, ...problemResponse(response) });

/**
 * An answer `status` that refers to its shared response. (Swagger writes an empty `description`
 * beside the `$ref`; openApiDocument drops it.)
 */
const sharedProblem = (status: ProblemStatus) =>
  ({ status, $ref: `#/components/responses/${PROBLEMS[status].name}` }) as ApiResponseOptions;

/** The problem answers an operation really gives, each with its status's meaning and schema. */
export const ApiProblems = (...statuses: ProblemStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse(sharedProblem(status))));

/** Every route can meet the rate limits (a global guard): the document adds this answer to each operation. */
export const tooManyRequests = () => sharedProblem(429);

/** A POST: an Idempotency-Key makes a retry safe (API.md); reusing one with another body is a 422. */
export const ApiIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe: the same key and body again answers the first status and body and records nothing (kept at least 24 hours)',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }),
    ApiProblems(422),
  );
