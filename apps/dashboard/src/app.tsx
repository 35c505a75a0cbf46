import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { createBrowserRouter, Outlet, RouterProvider, type RouteObject } from 'react-router';
import { ProblemError } from './api/problem';
import { HomeRedirect } from './layout/home-redirect';
import { NotFoundPage } from './layout/not-found-page';
import { PageGuard } from './layout/page-guard';
import { Shell } from './layout/shell';
import { SessionProvider, useSession } from './session/session-context';
import { SignInPage } from './session/sign-in-page';
import { Loading } from './ui/states';

// Each page is its own chunk: the charts load with the pages that draw them.
const FleetPage = lazy(() => import('./fleet/fleet-page'));
const CustomerPage = lazy(() => import('./customer/customer-page'));
const OrdersPage = lazy(() => import('./orders/orders-page'));
const OrderPage = lazy(() => import('./orders/order-page'));
const AuditPage = lazy(() => import('./audit/audit-page'));
const ReconciliationPage = lazy(() => import('./reconciliation/reconciliation-page'));
const OperatorPage = lazy(() => import('./operator/operator-page'));

const page = (content: ReactNode) => <Suspense fallback={<Loading what="the page" />}>{content}</Suspense>;

/** Signed out, every address shows the sign-in; signed in, the same address opens its page (links can be shared). */
function SignedIn() {
  const { claims } = useSession();
  return claims ? <Outlet /> : <SignInPage />;
}

export const routes: RouteObject[] = [
  {
    element: <SignedIn />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: 'fleet',
            element: page(
              <PageGuard page="fleet">
                <FleetPage />
              </PageGuard>,
            ),
          },
          {
            path: 'customers/:customerId',
            element: page(
              <PageGuard page="customer">
                <CustomerPage />
              </PageGuard>,
            ),
          },
          {
            path: 'orders',
            element: page(
              <PageGuard page="orders">
                <OrdersPage />
              </PageGuard>,
            ),
          },
          {
            path: 'orders/:orderNo',
            element: page(
              <PageGuard page="orders">
                <OrderPage />
              </PageGuard>,
            ),
          },
          {
            path: 'audit',
            element: page(
              <PageGuard page="audit">
                <AuditPage />
              </PageGuard>,
            ),
          },
          {
            path: 'reconciliation',
            element: page(
              <PageGuard page="reconciliation">
                <ReconciliationPage />
              </PageGuard>,
            ),
          },
          { path: 'operator', element: page(<OperatorPage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will answer the same again; only a network error or a 5xx is worth a retry.
        retry: (count, error) => count < 2 && !(error instanceof ProblemError && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function App({ initialToken }: { initialToken: string | null }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider initialToken={initialToken}>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
