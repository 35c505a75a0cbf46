import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Answered by the API itself, whatever the dashboard's build holds (Express matches routes in any case). */
const API_PATH = /^\/+(?:api|metrics)(?:\/|$)/i;

/** A file of the build: anything under /assets/, or a last segment with an extension (favicon.svg). */
const FILE_PATH = /^\/assets\/|\.[^/]*$/;

/** Vite names every file under assets/ by its content's hash: a new build never reuses a name. */
const ASSET = /^\/assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files: the browser asks again each time (a 304 while unchanged). */
const REVALIDATE = 'no-cache';

const NOT_BUILT = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>License ledger: the dashboard is not built</title></head>
  <body>
    <h1>The dashboard is not built</h1>
    <p>Build it with <code>npm run build</code> at the repository root (or <code>npm start</code>, which builds
    everything), then reload this page.</p>
    <p>The API is running: see <a href="/api/docs">/api/docs</a>.</p>
  </body>
</html>
`;

const isMissing = (error: Error): boolean =>
  ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** The request's path as a file name; undefined for one that is not valid percent-encoding. */
const fileName = (path: string): string | undefined => {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
};

/** `file` from `folder` with its caching; `failed` when it could not be sent and nothing was answered yet. */
const sendFrom = (
  response: Response,
  folder: string,
  file: string,
  cacheControl: string,
  failed: (error: Error) => void,
): void =>
  // `root` keeps the name inside the folder (a `..` out of it is refused).
  response.sendFile(
    file,
    { root: folder, cacheControl: false, headers: { 'Cache-Control': cacheControl } },
    (error) => {
      if (error && !response.headersSent) failed(error);
    },
  );

/**
 * The dashboard's Vite build from `folder`, on the API's port: its files as they are, and index.html
 * for every other GET of a page (the history fallback that lets /orders/123 be shared as a link). A
 * file that is not there goes on to the API's 404, never to index.html (a missing script must not
 * come back as HTML). Paths under /api and /metrics are left to the API. The folder is read on each
 * request, so a dashboard built while the API runs is served without a restart.
 */
export const dashboard =
  (folder: string): RequestHandler =>
  (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATH.test(request.path)) return next();
    if (FILE_PATH.test(request.path)) {
      const file = fileName(request.path);
      if (file === undefined) return next();
      return sendFrom(response, folder, file, ASSET.test(request.path) ? IMMUTABLE : REVALIDATE, () =>
        next(),
      );
    }
    sendFrom(response, folder, 'index.html', REVALIDATE, (error) => {
      if (!isMissing(error)) return next(error);
      response.status(404).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT);
    });
  };
