import { describe, expect, it } from 'vitest';
import { auditHashInput, canonicalJson, GENESIS_HASH } from './audit-chain';

describe('canonicalJson', () => {
  it('sorts keys at every level so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
  });

  it('chains on the previous hash', () => {
    const row = { id: '1', at: '2026-01-01T00:00:00.000Z', actorId: null, action: 'x', entity: 'e', entityId: null, storeId: null, before: null, after: { q: 1 }, ip: null };
    expect(auditHashInput(GENESIS_HASH, row).startsWith(`${GENESIS_HASH}|{`)).toBe(true);
    expect(auditHashInput('a', row)).not.toBe(auditHashInput('b', row));
  });
});
