import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_TYPES, DomainError, NoAvailableLicense } from './errors.js';

describe('domain errors', () => {
  it('carry the rule type and a typed context, with a message naming the rule and the values', () => {
    const error = NoAvailableLicense({ customerId: 'C000000150', package: 'Premium iPECS ONE USER', available: 0 });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.type).toBe('no-available-license');
    expect(error.context).toEqual({ customerId: 'C000000150', package: 'Premium iPECS ONE USER', available: 0 });
    expect(error.message).toContain('C000000150');
  });

  it('lists every type once, in kebab-case', () => {
    expect(new Set(DOMAIN_ERROR_TYPES).size).toBe(DOMAIN_ERROR_TYPES.length);
    for (const type of DOMAIN_ERROR_TYPES) expect(type).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
