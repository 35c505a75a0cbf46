import { NavLink, Outlet } from 'react-router';
import { useLiveRefresh } from '../live/use-live-refresh';
import { useClaims, useSession } from '../session/session-context';
import { pagesFor, type Page } from './role-pages';

const LINKS: Record<Page, { label: string; to: (customerId?: string) => string }> = {
  fleet: { label: 'Fleet', to: () => '/fleet' },
  customer: { label: 'Customer', to: (customerId) => `/customers/${customerId ?? ''}` },
  orders: { label: 'Orders', to: () => '/orders' },
  audit: { label: 'Audit', to: () => '/audit' },
  reconciliation: { label: 'Reconciliation', to: () => '/reconciliation' },
};

const LIVE_LABEL = {
  live: 'Live',
  'catching-up': 'Catching up',
  rebuilding: 'Rebuilding',
  faulted: 'Read model stopped',
} as const;

export function Shell() {
  const claims = useClaims();
  const { signOut } = useSession();
  const live = useLiveRefresh();
  // The customer page is a place in the nav only for a customer manager, who has one customer.
  const pages = pagesFor(claims.role).filter((page) => page !== 'customer' || claims.customerId);
  return (
    <div className="shell">
      <header className="top">
        <span className="brand">License ledger</span>
        <nav aria-label="Main">
          {pages.map((page) => (
            <NavLink key={page} to={LINKS[page].to(claims.customerId)}>
              {LINKS[page].label}
            </NavLink>
          ))}
        </nav>
        <span
          className={`live live-${live?.status ?? 'unknown'}`}
          title={live?.faulted.length ? `Stopped: ${live.faulted.join(', ')}` : undefined}
        >
          {live ? `${LIVE_LABEL[live.status]} · #${live.position}` : '…'}
        </span>
        <span className="who">
          {claims.sub} · {claims.role}
          {claims.resellerId ? ` · ${claims.resellerId}` : ''}
        </span>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        <Outlet />
      </main>
    </div>
  );
}
