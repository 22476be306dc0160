import { describe, expect, it } from 'vitest';
import type { Device } from '@bazaar/shared';
import { deviceState } from './device.state';

const now = Date.parse('2026-12-02T12:00:00Z');
const base: Device = {
  id: '0190a000-0000-7000-8000-000000000001',
  storeId: '0190a000-0000-7000-8000-000000000002',
  name: 'Till 1',
  node: 'n1',
  lastSeq: 0,
  lastPushAt: null,
  lastPullAt: null,
  revokedAt: null,
  openConflicts: 0,
  createdAt: '2026-12-02T08:00:00Z',
};
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('device state (issue 16: a counter last seen 4 h ago is not "syncing")', () => {
  it('is in sync only when seen within two sync intervals (a minute)', () => {
    expect(deviceState({ ...base, lastPushAt: ago(30_000) }, now)).toBe('inSync');
    expect(deviceState({ ...base, lastPullAt: ago(55_000) }, now)).toBe('inSync');
    expect(deviceState({ ...base, lastPullAt: ago(3 * 60_000) }, now)).toBe('idle');
    expect(deviceState({ ...base, lastPushAt: ago(4 * 3600_000) }, now)).toBe('idle');
  });
  it('is offline after a day, awaiting before its first sync, revoked above all', () => {
    expect(deviceState({ ...base, lastPushAt: ago(25 * 3600_000), createdAt: ago(30 * 3600_000) }, now)).toBe('offline');
    expect(deviceState(base, now)).toBe('awaiting');
    expect(deviceState({ ...base, createdAt: ago(2 * 86_400_000) }, now)).toBe('offline');
    expect(deviceState({ ...base, lastPushAt: ago(1000), revokedAt: ago(500) }, now)).toBe('revoked');
  });
});
