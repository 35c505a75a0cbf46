import createClient, { type Middleware } from 'openapi-fetch';
import { problemOf } from './problem';
import type { paths } from './schema';

/** Where the bearer token and the last written position come from (the signed-in session). */
export interface ClientSession {
  token(): string | null;
  /** The position of the last command this tab recorded: reads wait for it (read-your-writes). */
  writtenPosition(): number;
  /** A 401 means the token expired or was revoked: the session ends and sign-in shows again. */
  onUnauthorized(): void;
}

/**
 * The typed client generated from the API's OpenAPI document (`npm run api-types`): paths, query
 * parameters and bodies are checked against the API at build time.
 */
export function createApiClient(session: ClientSession, baseUrl = globalThis.location?.origin ?? '') {
  const client = createClient<paths>({ baseUrl });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = session.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (
        request.method === 'GET' &&
        new URL(request.url).pathname.startsWith('/api/') &&
        session.writtenPosition() > 0
      ) {
        const url = new URL(request.url);
        if (
          !url.searchParams.has('minPosition') &&
          !url.pathname.startsWith('/api/projections') &&
          !url.pathname.startsWith('/api/demo')
        ) {
          url.searchParams.set('minPosition', String(session.writtenPosition()));
          return new Request(url, request);
        }
      }
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) session.onUnauthorized();
      return response;
    },
  };
  client.use(auth);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The body of a 2xx answer, or the API's problem thrown as a ProblemError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemOf(error, response);
  return data as T;
}
