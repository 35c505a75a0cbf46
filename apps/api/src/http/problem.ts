/** RFC 9457 problem documents. `type`'s last path segment is the rule, in kebab-case. */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (rule: string): string => `/api/problems/${rule}`;

const titleOf = (rule: string): string => {
  const words = rule.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const problem = (status: number, rule: string, detail: string, extensions: Record<string, unknown> = {}): ProblemDocument => ({
  type: problemType(rule),
  title: titleOf(rule),
  status,
  detail,
  ...extensions,
});

/** Thrown at the edge for a request that can never succeed as sent; rendered as-is by the problem filter. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDocument, readonly headers: Record<string, string> = {}) {
    super(problem.detail);
  }
}

export const validationProblem = (errors: readonly FieldError[]): ProblemError =>
  new ProblemError(
    problem(400, 'validation-failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors }),
  );

export const notFound = (what: string, id: string): ProblemError =>
  new ProblemError(problem(404, 'not-found', `${what} ${id} does not exist`));
