import type { Device } from '@bazaar/shared';

const DAY = 24 * 3600_000;
/** How often a connected counter syncs (the counter's sync loop: push, then pull, every 30 s). */
export const SYNC_INTERVAL_MS = 30_000;
/** Two missed syncs and a counter is no longer "in sync": it is offline since it was last seen. */
export const IN_SYNC_MS = 2 * SYNC_INTERVAL_MS;

export function lastSeen(d: Device): string | null {
  const times = [d.lastPushAt, d.lastPullAt].filter((t): t is string => !!t);
  return times.sort().at(-1) ?? null;
}
/** No sync for over a day; a counter enrolled today that has not synced yet is not "offline". */
export function isOffline(d: Device, now = Date.now()): boolean {
  const since = lastSeen(d) ?? d.createdAt;
  return !d.revokedAt && now - Date.parse(since) > DAY;
}

export type DeviceState = 'revoked' | 'inSync' | 'idle' | 'offline' | 'awaiting';

/** What the State column says: a counter not seen for two sync intervals is offline (since then), not "in sync". */
export function deviceState(d: Device, now = Date.now()): DeviceState {
  if (d.revokedAt) return 'revoked';
  if (isOffline(d, now)) return 'offline';
  const seen = lastSeen(d);
  if (!seen) return 'awaiting';
  return now - Date.parse(seen) <= IN_SYNC_MS ? 'inSync' : 'idle';
}
