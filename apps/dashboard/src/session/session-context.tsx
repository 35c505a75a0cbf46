import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/client';
import { forgetToken, storedToken, storeToken } from './session-storage';
import { readClaims, type TokenClaims } from './token-claims';

export interface Session {
  readonly claims: TokenClaims | null;
  readonly token: string | null;
  readonly api: ApiClient;
  /** Signs in with a token; false when it is not a usable ledger token (malformed, expired, unknown role). */
  signIn(token: string): boolean;
  signOut(): void;
  /** Commands call this with the position they wrote, so the next reads include their own writes. */
  wrote(position: number | undefined): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({
  children,
  initialToken,
}: {
  children: ReactNode;
  initialToken?: string | null;
}) {
  const [token, setToken] = useState<string | null>(() => {
    const candidate = initialToken ?? storedToken();
    return candidate && readClaims(candidate) ? candidate : null;
  });
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const written = useRef(0);

  const signOut = useCallback(() => {
    forgetToken();
    written.current = 0;
    setToken(null);
  }, []);
  const signIn = useCallback((candidate: string) => {
    if (!readClaims(candidate)) return false;
    storeToken(candidate.trim());
    setToken(candidate.trim());
    return true;
  }, []);
  const api = useMemo(
    () =>
      createApiClient({
        token: () => tokenRef.current,
        writtenPosition: () => written.current,
        onUnauthorized: signOut,
      }),
    [signOut],
  );
  const value = useMemo<Session>(
    () => ({
      claims: token ? readClaims(token) : null,
      token,
      api,
      signIn,
      signOut,
      wrote: (position) => {
        if (typeof position === 'number' && position > written.current) written.current = position;
      },
    }),
    [token, api, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in claims; only used inside pages the router shows once signed in. */
export function useClaims(): TokenClaims {
  const { claims } = useSession();
  if (!claims) throw new Error('useClaims without a signed-in session');
  return claims;
}
