import { describe, expect, it } from 'vitest';
import { tokenFor } from '../testing/render-page';
import { readClaims } from './token-claims';

describe('reading a pasted token', () => {
  it('reads the role, reseller and customer of a ledger token', () => {
    expect(
      readClaims(tokenFor({ role: 'customer-manager', resellerId: 'RS-1', customerId: 'C1' })),
    ).toMatchObject({ sub: 'tester', role: 'customer-manager', resellerId: 'RS-1', customerId: 'C1' });
  });

  it('refuses what the dashboard cannot act on: not a JWT, an unknown role, an expired token', () => {
    expect(readClaims('not a token')).toBeNull();
    expect(readClaims('a.b.c')).toBeNull();
    expect(readClaims(tokenFor({ role: 'superuser' }))).toBeNull();
    const token = tokenFor({ role: 'auditor', resellerId: 'RS-1' });
    expect(readClaims(token, Date.now() + 2 * 3600_000)).toBeNull();
  });
});
