import { DomainError, type SyncMovement } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';

export interface StoredMovement {
  id: string;
  device_id: string | null;
  seq: number | null;
  hlc: string;
  kind: string;
  product_id: string;
  qty: number;
  occurred_at: Date | string;
  device_hlc: string | null;
  status: 'applied' | 'rejected';
  reject_reason: string | null;
}

/** The batch in seq order, one entry per movement; the same seq with two contents is malformed. */
export function normaliseBatch(movements: readonly SyncMovement[]): SyncMovement[] {
  const bySeq = new Map<number, SyncMovement>();
  const seqById = new Map<string, number>();
  for (const m of movements) {
    const other = bySeq.get(m.seq);
    if (other && other.id !== m.id) {
      throw new DomainError('VALIDATION_FAILED', `movements: seq ${m.seq} appears twice with different movements`, { seq: m.seq });
    }
    const otherSeq = seqById.get(m.id);
    if (otherSeq !== undefined && otherSeq !== m.seq) {
      throw new DomainError('VALIDATION_FAILED', `movements: id ${m.id} appears with two seqs`, { id: m.id });
    }
    bySeq.set(m.seq, m);
    seqById.set(m.id, m.seq);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The device's own content of a movement. Its stamp is compared as the device sent it (the hub
 * may have re-stamped a future one); rows stored before device stamps were kept compare as before.
 */
function sameContent(stored: StoredMovement, m: SyncMovement, remap: (productId: string) => string): boolean {
  const sent = m.stampedHlc ?? m.hlc;
  return (
    stored.id === m.id &&
    (stored.device_hlc !== null ? stored.device_hlc === sent : stored.hlc === m.hlc && new Date(stored.occurred_at).getTime() === new Date(m.occurredAt).getTime()) &&
    stored.kind === m.kind &&
    Number(stored.qty) === m.qty &&
    (stored.product_id === m.productId || stored.product_id === remap(m.productId))
  );
}

/** A replayed seq must be exactly what the hub stored for it; anything else means the device lost its log. */
export async function assertSameAsStored(
  trx: Transaction<Database>,
  storeId: string,
  deviceId: string,
  duplicates: readonly SyncMovement[],
  remap: (productId: string) => string,
): Promise<Map<string, StoredMovement>> {
  const { rows } = await sql<StoredMovement>`
    SELECT id, device_id, seq, hlc, kind, product_id, qty, occurred_at, device_hlc, status, reject_reason FROM movements
    WHERE store_id = ${storeId}::uuid
      AND (id = ANY(${duplicates.map((m) => m.id)}::uuid[]) OR (device_id = ${deviceId}::uuid AND seq = ANY(${duplicates.map((m) => m.seq)}::bigint[])))`.execute(trx);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bySeq = new Map(rows.filter((r) => r.device_id === deviceId).map((r) => [Number(r.seq), r]));
  for (const m of duplicates) {
    const stored = byId.get(m.id);
    const atSeq = bySeq.get(m.seq);
    if (!stored || (atSeq && atSeq.id !== m.id) || !sameContent(stored, m, remap)) {
      throw new DomainError(
        'SEQ_CONTENT_MISMATCH',
        `seq ${m.seq} was already acknowledged with different content; this device's log no longer matches the hub. Re-enroll the device (a new token starts a new seq series); nothing of this push was applied`,
        { seq: m.seq, id: m.id, storedId: atSeq?.id ?? stored?.id ?? null },
      );
    }
  }
  return byId;
}
