import { describe, expect, it } from 'vitest';
import { anchorDigestInput, auditChainInput, auditHashInput, canonicalJson, GENESIS_HASH, type AuditChainFields } from './audit-chain';

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

describe('auditChainInput (format 2)', () => {
  const row: AuditChainFields = {
    chain: '01a2-store', seq: 7, id: '42', at: '2026-01-01T00:00:00.000Z', actorId: null, actorName: 'device:Till "1"', action: 'sync.push',
    entity: 'device', entityId: 'd', storeId: '01a2-store', before: { b: 1, a: [1, { z: null, y: 'é\n' }] }, after: null, ip: '10.0.0.1',
  };

  it('is exactly the canonical JSON of every field, after the version and the previous hash', () => {
    expect(auditChainInput('p', row)).toBe(`v2|p|${canonicalJson(row)}`);
    const nulls: AuditChainFields = { ...row, actorName: null, entityId: null, storeId: null, ip: null, before: null, after: { q: -1.5 } };
    expect(auditChainInput(GENESIS_HASH, nulls)).toBe(`v2|${GENESIS_HASH}|${canonicalJson(nulls)}`);
  });

  it('changes with every field the log shows, the actor name and the place in the chain included', () => {
    const base = auditChainInput('p', row);
    for (const edit of [{ actorName: 'someone' }, { seq: 8 }, { chain: 'hub' }, { ip: null }, { at: '2026-01-01T00:00:00.001Z' }, { after: {} }]) {
      expect(auditChainInput('p', { ...row, ...edit })).not.toBe(base);
    }
  });

  it('digests anchor heads in chain order whatever order they come in', () => {
    const heads = [{ chain: 'b', seq: 2, hash: 'h2' }, { chain: 'a', seq: 1, hash: 'h1' }];
    expect(anchorDigestInput(heads)).toBe('a:1:h1\nb:2:h2');
    expect(anchorDigestInput([...heads].reverse())).toBe(anchorDigestInput(heads));
  });
});
