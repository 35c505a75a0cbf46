/**
 * The token lives in sessionStorage: it is the tab's session, gone when the tab closes, never a
 * cookie (the API reads only the Authorization header, so no other site can spend it).
 */
const KEY = 'ledger.token';

export const storedToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);

/**
 * A link carrying `#token=<JWT>` signs the tab in; the fragment is then removed from the address bar
 * (and from history) so the token is not copied along with the URL. A fragment never reaches the server.
 */
export function takeTokenFromLocation(location: Location, history: History): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  return decodeURIComponent(match[1]!);
}
