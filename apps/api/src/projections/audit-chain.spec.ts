import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AuditContent, auditHash, canonicalJson } from './audit-chain.js';

const content: AuditContent = {
  position: 42,
  streamId: 'customer-C000000150',
  type: 'PackageChanged',
  occurredAt: '2023-10-24T09:15:00.000Z',
  data: {
    customerId: 'C000000150',
    extension: 297,
    fromPackage: 'Basic User With VM',
    toPackage: 'Premium iPECS ONE USER',
  },
  metadata: { actor: 'cm@vertical', role: 'customer-manager', correlationId: 'c-1', causationId: 'k-1' },
};

describe('canonicalJson', () => {
  it('sorts the keys of every object, nested ones and those in arrays too, and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys arrive in (jsonb keeps none)', () => {
    const reordered = JSON.parse('{"metadata":{"role":"r","actor":"a"},"data":{"x":1}}') as unknown;
    expect(canonicalJson(reordered)).toBe(
      canonicalJson({ data: { x: 1 }, metadata: { actor: 'a', role: 'r' } }),
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '\u{1F600}': 4, '\uFB33': 5 })).toBe(
      '{"Z":3,"z":2,"é":1,"\u{1F600}":4,"\uFB33":5}',
    );
  });

  it('writes strings and numbers as JSON.stringify does', () => {
    expect(canonicalJson(['a"\\\n\u0001', 1.5, -0, 1e21, true, false])).toBe(
      '["a\\"\\\\\\n\\u0001",1.5,0,1e+21,true,false]',
    );
  });

  it('refuses a number JSON cannot hold rather than hashing it as null', () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
  });
});

describe('auditHash', () => {
  it('is the SHA-256 of the previous hash and the canonical content', () => {
    const text = canonicalJson({ previous: null, ...content });
    expect(auditHash(null, content)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(auditHash(null, content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same event and the same previous hash (a rebuild reproduces it)', () => {
    const copy = JSON.parse(JSON.stringify(content)) as AuditContent;
    expect(auditHash('a'.repeat(64), copy)).toBe(auditHash('a'.repeat(64), content));
  });

  it('chains the previous hash: another predecessor gives another hash', () => {
    expect(auditHash('a'.repeat(64), content)).not.toBe(auditHash('b'.repeat(64), content));
    expect(auditHash(null, content)).not.toBe(auditHash('a'.repeat(64), content));
  });

  it.each([
    ['position', { position: 43 }],
    ['streamId', { streamId: 'customer-C000000151' }],
    ['type', { type: 'UserRemoved' }],
    ['occurredAt', { occurredAt: '2023-10-24T09:15:00.001Z' }],
    ['data', { data: { ...content.data, extension: 298 } }],
    ['metadata', { metadata: { ...content.metadata, actor: 'someone@else' } }],
  ])('changes when %s changes', (_, change) => {
    expect(auditHash(null, { ...content, ...change })).not.toBe(auditHash(null, content));
  });

  it('reads occurredAt as an instant: the same moment written another way hashes the same', () => {
    expect(auditHash(null, { ...content, occurredAt: '2023-10-24T11:15:00+02:00' })).toBe(
      auditHash(null, content),
    );
  });

  it('fails on a time that is no instant rather than hashing it', () => {
    expect(() => auditHash(null, { ...content, occurredAt: 'yesterday' })).toThrow(RangeError);
  });
});
