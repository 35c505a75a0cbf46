import type { Role } from './decider.js';

/** Every role a token may carry (API.md, "Auth"), the carrier's operator first. */
export const ROLES = ['operator', 'reseller-admin', 'approver', 'customer-manager', 'auditor', 'billing-analyst'] as const satisfies readonly Role[];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
