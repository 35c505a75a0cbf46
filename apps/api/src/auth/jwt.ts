import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { characterProblem, customerId, resellerId } from '../http/fields.js';
import { type Principal, TENANT_ROLES } from './principal.js';

// The actor is recorded on every event it causes: text the store can hold, on one line.
const sub = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => characterProblem(value, /\p{Cc}/u) === undefined);

// An operator acts for the whole ledger and carries no reseller; every other role acts for one.
const claims = z.discriminatedUnion('role', [
  z.object({ sub, role: z.literal('operator') }),
  z.object({ sub, role: z.enum(TENANT_ROLES), resellerId, customerId: customerId.optional() }),
]);

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** Returns the principal, or undefined for a missing, expired, badly signed or malformed token. */
export async function verifyToken(token: string, secret: string): Promise<Principal | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
    });
    const parsed = claims.safeParse(payload);
    if (!parsed.success) return undefined;
    const { sub: actor, ...rest } = parsed.data;
    if (rest.role === 'operator') return { actor, role: rest.role };
    const { role, resellerId, customerId } = rest;
    return customerId === undefined ? { actor, role, resellerId } : { actor, role, resellerId, customerId };
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
