import type { Device } from '@bazaar/shared';
import type { DeviceRow } from '../db/database.types';
import { iso, isoOrNull } from '../http/route-helpers';

export type DeviceListRow = Pick<
  DeviceRow,
  'id' | 'store_id' | 'name' | 'node' | 'last_seq' | 'last_push_at' | 'last_pull_at' | 'revoked_at' | 'created_at'
> & { open_conflicts: number | string };

export function toDevice(r: DeviceListRow): Device {
  return {
    id: r.id,
    storeId: r.store_id,
    name: r.name,
    node: r.node,
    lastSeq: Number(r.last_seq),
    lastPushAt: isoOrNull(r.last_push_at),
    lastPullAt: isoOrNull(r.last_pull_at),
    revokedAt: isoOrNull(r.revoked_at),
    openConflicts: Number(r.open_conflicts),
    createdAt: iso(r.created_at),
  };
}
