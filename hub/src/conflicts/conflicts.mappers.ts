import type { Conflict, ConflictKind } from '@bazaar/shared';
import type { ConflictRow } from '../db/database.types';
import { iso, isoOrNull } from '../http/route-helpers';

export function toConflict(r: ConflictRow): Conflict {
  const details = typeof r.details === 'string' ? (JSON.parse(r.details) as unknown) : r.details;
  return {
    id: r.id,
    storeId: r.store_id,
    kind: r.kind as ConflictKind,
    productId: r.product_id,
    movementId: r.movement_id,
    deviceId: r.device_id,
    details: details !== null && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {},
    status: r.status,
    resolvedBy: r.resolved_by,
    resolvedAt: isoOrNull(r.resolved_at),
    resolutionNote: r.resolution_note,
    createdAt: iso(r.created_at),
  };
}
