import { isRole, type Role } from '@ledger/domain';

/** The claims the dashboard reads from a token (API.md, "Auth"); the API checks the signature. */
export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly resellerId?: string;
  readonly customerId?: string;
  readonly exp?: number;
}

const base64UrlJson = (part: string): unknown => {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
};

/** The claims of a JWT, or null when it is not one the dashboard can act on. */
export function readClaims(token: string, now = Date.now()): TokenClaims | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = base64UrlJson(parts[1]!) as Partial<TokenClaims>;
    if (typeof claims.sub !== 'string' || !isRole(claims.role)) return null;
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) return null;
    return claims as TokenClaims;
  } catch {
    return null;
  }
}
