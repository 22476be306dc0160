import { describe, expect, it } from 'vitest';
import type { DevicePrincipal, UserPrincipal } from './principal';
import { DEVICE_PRINCIPAL_TTL_MS, PrincipalCache } from './principal.cache';

const user = (id: string, tokenId = `t-${id}`): UserPrincipal => ({ kind: 'user', id, username: id, name: id, role: 'staff', storeIds: ['s1'], tokenId });
const device = (id: string): DevicePrincipal => ({ kind: 'device', id, storeId: 's1', node: `n-${id}` });

function cache(opts: { ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { t: 1_000_000 };
  return { clock, cache: new PrincipalCache({ now: () => clock.t, ...opts }) };
}

describe('PrincipalCache', () => {
  it('serves a principal until its TTL, then forgets it', () => {
    const { clock, cache: c } = cache({ ttlMs: 5_000 });
    c.set('h1', c.begin(), { principal: user('u1'), tokenExpiresAt: null });
    clock.t += 4_999;
    expect(c.get('h1')?.principal).toMatchObject({ id: 'u1' });
    clock.t += 1;
    expect(c.get('h1')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it("keeps a device's principal for the device TTL (sync re-checks revocation itself), a user's for the short one", () => {
    const { clock, cache: c } = cache({ ttlMs: 5_000 });
    c.set('u', c.begin(), { principal: user('u1'), tokenExpiresAt: null });
    c.set('d', c.begin(), { principal: device('d1'), tokenExpiresAt: null });
    expect(c.deviceTtlMs).toBe(DEVICE_PRINCIPAL_TTL_MS);
    clock.t += 5_000;
    expect(c.get('u')).toBeUndefined();
    expect(c.get('d')?.principal).toMatchObject({ id: 'd1' });
    clock.t += DEVICE_PRINCIPAL_TTL_MS - 5_000;
    expect(c.get('d')).toBeUndefined();
    // A cache turned off (TTL 0) keeps no device either.
    const off = cache({ ttlMs: 0 }).cache;
    off.set('d', off.begin(), { principal: device('d1'), tokenExpiresAt: null });
    expect(off.get('d')).toBeUndefined();
  });

  it('evicts by user, by token and by device, leaving the rest', () => {
    const { cache: c } = cache();
    c.set('a1', c.begin(), { principal: user('ua', 'ta1'), tokenExpiresAt: null });
    c.set('a2', c.begin(), { principal: user('ua', 'ta2'), tokenExpiresAt: null });
    c.set('b', c.begin(), { principal: user('ub'), tokenExpiresAt: null });
    c.set('d', c.begin(), { principal: device('d1'), tokenExpiresAt: null });
    c.evictToken('ta1');
    expect(c.get('a1')).toBeUndefined();
    expect(c.get('a2')).toBeDefined();
    c.evictUser('ua');
    expect(c.get('a2')).toBeUndefined();
    expect(c.get('b')).toBeDefined();
    c.evictDevice('d1');
    expect(c.get('d')).toBeUndefined();
    expect(c.get('b')).toBeDefined();
  });

  it('drops a lookup that started before an eviction (it may have read the old row)', () => {
    const { cache: c } = cache();
    const ticket = c.begin();
    c.evictUser('someone-else');
    c.set('h', ticket, { principal: user('u1'), tokenExpiresAt: null });
    expect(c.get('h')).toBeUndefined();
    c.set('h', c.begin(), { principal: user('u1'), tokenExpiresAt: null });
    expect(c.get('h')).toBeDefined();
  });

  it('stays within its bound, dropping the oldest entries first', () => {
    const { cache: c } = cache({ maxEntries: 3 });
    for (const k of ['k1', 'k2', 'k3', 'k4']) c.set(k, c.begin(), { principal: user(k), tokenExpiresAt: null });
    expect(c.size).toBe(3);
    expect(c.get('k1')).toBeUndefined();
    expect(c.get('k4')).toBeDefined();
  });

  it('hands out frozen principals, so one request cannot change what the next one sees', () => {
    const { cache: c } = cache();
    c.set('h', c.begin(), { principal: user('u1'), tokenExpiresAt: null });
    const p = c.get('h')!.principal as UserPrincipal;
    expect(() => p.storeIds.push('s2')).toThrow(TypeError);
    expect(() => Object.assign(p, { role: 'admin' })).toThrow(TypeError);
  });
});
