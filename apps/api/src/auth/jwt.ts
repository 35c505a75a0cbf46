import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { type Principal, ROLES } from './principal.js';

const claims = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES as [Principal['role'], ...Principal['role'][]]),
  resellerId: z.string().min(1),
  customerId: z.string().min(1).optional(),
});

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** Returns the principal, or undefined for a missing, expired, badly signed or malformed token. */
export async function verifyToken(token: string, secret: string): Promise<Principal | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'], requiredClaims: ['exp'] });
    const parsed = claims.safeParse(payload);
    if (!parsed.success) return undefined;
    const { sub, role, resellerId, customerId } = parsed.data;
    return customerId === undefined ? { actor: sub, role, resellerId } : { actor: sub, role, resellerId, customerId };
  } catch {
    return undefined;
  }
}

export async function signToken(principal: Principal, secret: string, expiresIn = '12h'): Promise<string> {
  const { actor, ...rest } = principal;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyOf(secret));
}
