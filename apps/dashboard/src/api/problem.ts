/** An RFC 9457 problem document as the API answers every error (API.md, "Responses"). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** A 400 names each bad field; an invoice import each bad cell. */
  readonly errors?: readonly ProblemFieldError[];
}

export interface ProblemFieldError {
  readonly field?: string;
  readonly line?: number;
  readonly column?: string | null;
  readonly rule: string;
  readonly message: string;
}

/** A refused call, carrying the API's problem so a view can show what rule refused it. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }

  /** The broken rule: the last path segment of the problem type (`no-available-license`). */
  get rule(): string {
    return this.problem.type.split('/').pop() ?? this.problem.type;
  }

  get status(): number {
    return this.problem.status;
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && 'status' in body && 'title' in body;

/** The problem an answer carries, or one made up from its status when the body is not one (a proxy's 502). */
export function problemOf(body: unknown, response: Response): ProblemError {
  if (isProblem(body)) return new ProblemError(body);
  return new ProblemError({
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
  });
}

/** One line per bad field or cell, as the API named them. */
export function describeFieldErrors(errors: readonly ProblemFieldError[] = []): string[] {
  return errors.map((e) => {
    const where = e.line !== undefined ? `line ${e.line}${e.column ? `, ${e.column}` : ''}` : (e.field ?? '');
    return where ? `${where}: ${e.message}` : e.message;
  });
}
