import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { SessionProvider } from '../session/session-context';

/** A token the dashboard can read (the API, not the dashboard, checks signatures). */
export function tokenFor(claims: {
  sub?: string;
  role: string;
  resellerId?: string;
  customerId?: string;
}): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'tester', exp: Math.floor(Date.now() / 1000) + 3600, ...claims })}.signature`;
}

export type Answer = { status?: number; body: unknown } | Promise<never>;

/**
 * Answers the page's HTTP calls from a table of paths (without the query string); an unlisted path
 * fails the test loudly. The end-to-end suite runs the same pages against the real API.
 */
export function answerFetch(answers: Record<string, Answer | ((url: URL) => Answer)>) {
  const calls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string) => {
      const url = new URL(typeof input === 'string' ? input : input.url, 'http://ledger.test');
      calls.push(url);
      const entry = answers[url.pathname];
      if (entry === undefined) throw new Error(`unexpected call to ${url.pathname}`);
      const answer = await (typeof entry === 'function' ? entry(url) : entry);
      const status = answer.status ?? 200;
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(JSON.stringify(answer.body), { status, headers: { 'content-type': type } });
    }),
  );
  return calls;
}

/** Renders one page at a URL, signed in as `role`, with a fresh query cache that does not retry. */
export function renderPage(
  element: ReactNode,
  { path, url, token }: { path: string; url: string; token: string },
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <SessionProvider initialToken={token}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path={path} element={element} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}
