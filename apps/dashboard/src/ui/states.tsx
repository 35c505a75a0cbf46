import type { ReactNode } from 'react';
import { describeFieldErrors, ProblemError } from '../api/problem';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** A failed read or a refused command, with the rule the API named and each bad field. */
export function ErrorView({ error, action }: { error: unknown; action?: string }) {
  const problem = error instanceof ProblemError ? error.problem : null;
  const lines = problem ? describeFieldErrors(problem.errors) : [];
  return (
    <div className="state error" role="alert">
      <strong>
        {action ? `${action}: ` : ''}
        {problem ? problem.title : 'The ledger could not be reached'}
      </strong>
      {problem?.detail && <p>{problem.detail}</p>}
      {!problem && error instanceof Error && <p>{error.message}</p>}
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Loading, error or the content: the three states every data view has. */
export function QueryView<T>({
  query,
  what,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading what={what} />;
  if (query.error) return <ErrorView error={query.error} />;
  return <>{children(query.data as T)}</>;
}
