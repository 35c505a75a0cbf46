import type { ReactNode } from 'react';
import { useClaims } from '../session/session-context';
import { mayOpen, type Page } from './role-pages';

/** A page the role may not open says so instead of showing a 403 from each of its reads. */
export function PageGuard({ page, children }: { page: Page; children: ReactNode }) {
  const { role } = useClaims();
  if (mayOpen(role, page)) return <>{children}</>;
  return (
    <section>
      <h1>Not for this role</h1>
      <p className="state empty">A {role} does not see this page.</p>
    </section>
  );
}
