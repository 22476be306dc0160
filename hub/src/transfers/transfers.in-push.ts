import { isDispatched, isFullyReceived, senderSide, transferDiscrepancies, uuidv7, type Transfer } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import type { OpenConflict } from '../stock/stock.conflicts';
import { assembleTransfer, type ArrivalSide, type CountedLine } from './transfers.assemble';

export interface TransfersOutcome {
  /** Sender sides newly stored or moved on (a dispatch, a cancel) and lines newly counted in. */
  stored: number;
  /** Copies naming neither this store nor a known store: kept out (their movements still count). */
  ignored: number;
  conflicts: OpenConflict[];
}

interface Device {
  storeId: string;
  deviceId: string;
}

/**
 * The transfers of a push, in the push's transaction, after its movements (hook in sync.push.ts).
 * The hub keeps only the side the pushing store owns: the sender's copy goes to `transfers`
 * under the sending store, the receiver's counts and close to `transfer_receipt_lines` and
 * `transfer_arrivals` under the receiving store; neither push locks a row of the other store's.
 *
 * The two sides meet on the transfer's arrival row (receiving store's key, one row per transfer):
 * a dispatch marks it seen, a receipt updates it, each under its row lock, so whichever push
 * commits second reads the other's side and settles the transfer: a receipt that reached the hub
 * before its dispatch is settled when the dispatch arrives. Settling happens once (settled flips
 * under the lock), and so does the TRANSFER_DISCREPANCY it raises. Lock order: after the push's
 * own store locks, arrival rows in transfer id order.
 */
export async function storeTransfers(trx: Transaction<Database>, device: Device, docs: readonly Transfer[], now: Date): Promise<TransfersOutcome> {
  const sorted = [...new Map(docs.map((d) => [d.id, d])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const known = await knownStores(trx, sorted);
  const mine = sorted.filter((d) => known.has(d.fromStoreId) && known.has(d.toStoreId));
  const sent = mine.filter((d) => d.fromStoreId === device.storeId);
  const received = mine.filter((d) => d.toStoreId === device.storeId);
  const out: TransfersOutcome = { stored: 0, ignored: sorted.length - sent.length - received.length, conflicts: [] };

  const dispatched = await storeSenderSides(trx, device, sent, now);
  out.stored += dispatched.stored;
  for (const t of dispatched.newlyDispatched) {
    const { rows } = await sql<{ settled: boolean }>`
      INSERT INTO transfer_arrivals AS a (store_id, transfer_id, from_store_id, dispatch_seen, updated_at)
      VALUES (${t.toStoreId}::uuid, ${t.id}::uuid, ${t.fromStoreId}::uuid, true, ${now})
      ON CONFLICT (store_id, transfer_id) DO UPDATE SET dispatch_seen = true, updated_at = EXCLUDED.updated_at
      RETURNING a.settled`.execute(trx);
    if (!rows[0]?.settled) out.conflicts.push(...(await settle(trx, t, device, now)));
  }

  if (received.length) {
    const counted = await storeCounts(trx, device, received, now);
    const arrivals = await storeArrivals(trx, device, received, now);
    out.stored += counted.length;
    out.conflicts.push(...(await countedTwice(trx, device, received, counted)));
    for (const a of arrivals) {
      if (a.dispatch_seen && !a.settled) out.conflicts.push(...(await settle(trx, received.find((d) => d.id === a.transfer_id)!, device, now)));
    }
  }
  return out;
}

async function knownStores(trx: Transaction<Database>, docs: readonly Transfer[]): Promise<Set<string>> {
  const ids = [...new Set(docs.flatMap((d) => [d.fromStoreId, d.toStoreId]))];
  if (ids.length === 0) return new Set();
  const rows = await trx.selectFrom('stores').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The sending side: stored by id; a draft moves on to dispatched or cancelled once, never back. */
async function storeSenderSides(trx: Transaction<Database>, device: Device, docs: readonly Transfer[], now: Date) {
  if (docs.length === 0) return { stored: 0, newlyDispatched: [] as Transfer[] };
  const sides = docs.map(senderSide);
  const { rows } = await sql<{ id: string; status: string }>`
    INSERT INTO transfers AS t (store_id, id, to_store_id, number, origin, counter_code, counter_no, status, line_count, doc, device_id, created_at, dispatched_at, updated_at)
    SELECT ${device.storeId}::uuid, (d->>'id')::uuid, (d->>'toStoreId')::uuid, d->>'number', d->>'origin', d->>'counterCode', (d->>'counterNo')::int,
           CASE WHEN d->>'cancelledAt' IS NOT NULL THEN 'cancelled' WHEN d->>'dispatchedAt' IS NOT NULL THEN 'dispatched' ELSE 'draft' END,
           jsonb_array_length(d->'lines'), d, ${device.deviceId}::uuid, (d->>'createdAt')::timestamptz, (d->>'dispatchedAt')::timestamptz, ${now}
    FROM jsonb_array_elements(${JSON.stringify(sides)}::jsonb) AS d
    ON CONFLICT (store_id, id) DO UPDATE SET status = EXCLUDED.status, doc = EXCLUDED.doc, line_count = EXCLUDED.line_count,
      device_id = EXCLUDED.device_id, dispatched_at = EXCLUDED.dispatched_at, updated_at = EXCLUDED.updated_at
      WHERE t.status = 'draft' AND EXCLUDED.status <> 'draft'
    RETURNING t.id, t.status`.execute(trx);
  const moved = new Set(rows.filter((r) => r.status === 'dispatched').map((r) => r.id));
  return { stored: rows.length, newlyDispatched: docs.filter((d) => moved.has(d.id)) };
}

/** The receiving side's counts, one row per line and counter; a replay stores nothing. */
async function storeCounts(trx: Transaction<Database>, device: Device, docs: readonly Transfer[], now: Date): Promise<{ transfer_id: string; product_id: string }[]> {
  const lines = docs.flatMap((d) =>
    d.lines
      .filter((l) => l.qtyReceived !== null)
      .map((l) => ({ t: d.id, p: l.productId, sku: l.sku, name: l.name, unit: l.unit, r: l.qtyReceived, x: l.qtyDamaged, at: d.receivedAt ?? now.toISOString(), by: d.receivedBy })),
  );
  if (lines.length === 0) return [];
  const { rows } = await sql<{ transfer_id: string; product_id: string }>`
    INSERT INTO transfer_receipt_lines (store_id, transfer_id, product_id, sku, name, unit, qty_received, qty_damaged, device_id, received_at, received_by)
    SELECT ${device.storeId}::uuid, (l->>'t')::uuid, (l->>'p')::uuid, l->>'sku', l->>'name', l->>'unit', (l->>'r')::bigint, (l->>'x')::bigint,
           ${device.deviceId}::uuid, (l->>'at')::timestamptz, l->'by'
    FROM jsonb_array_elements(${JSON.stringify(lines)}::jsonb) AS l
    ON CONFLICT DO NOTHING
    RETURNING transfer_id, product_id`.execute(trx);
  return rows;
}

/** The receiving side's row per transfer: last receipt, first close; says whether the sender's dispatch is known. */
async function storeArrivals(trx: Transaction<Database>, device: Device, docs: readonly Transfer[], now: Date) {
  const rows = docs.map((d) => ({ t: d.id, from: d.fromStoreId, at: d.receivedAt, by: d.receivedBy, closedAt: d.closedAt, closedBy: d.closedBy }));
  const { rows: out } = await sql<{ transfer_id: string; dispatch_seen: boolean; settled: boolean }>`
    INSERT INTO transfer_arrivals AS a (store_id, transfer_id, from_store_id, received_at, received_by, closed_at, closed_by, updated_at)
    SELECT ${device.storeId}::uuid, (r->>'t')::uuid, (r->>'from')::uuid, (r->>'at')::timestamptz, r->'by', (r->>'closedAt')::timestamptz, r->'closedBy', ${now}
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r
    ON CONFLICT (store_id, transfer_id) DO UPDATE SET
      received_at = greatest(a.received_at, EXCLUDED.received_at),
      received_by = CASE WHEN a.received_at IS NULL OR EXCLUDED.received_at > a.received_at THEN EXCLUDED.received_by ELSE a.received_by END,
      closed_at = coalesce(a.closed_at, EXCLUDED.closed_at),
      closed_by = CASE WHEN a.closed_at IS NULL THEN EXCLUDED.closed_by ELSE a.closed_by END,
      updated_at = EXCLUDED.updated_at
    RETURNING a.transfer_id, a.dispatch_seen, a.settled`.execute(trx);
  return out;
}

/** A line counted in by a second counter of the receiving store (both offline): kept and flagged, once (its row is new only once). */
async function countedTwice(trx: Transaction<Database>, device: Device, docs: readonly Transfer[], counted: readonly { transfer_id: string; product_id: string }[]): Promise<OpenConflict[]> {
  if (counted.length === 0) return [];
  const others = await trx
    .selectFrom('transfer_receipt_lines')
    .select(['transfer_id', 'product_id', 'qty_received', 'qty_damaged', 'device_id'])
    .where('store_id', '=', device.storeId)
    .where('transfer_id', 'in', [...new Set(counted.map((c) => c.transfer_id))])
    .where('device_id', '<>', device.deviceId)
    .execute();
  const out: OpenConflict[] = [];
  for (const c of counted) {
    const earlier = others.filter((o) => o.transfer_id === c.transfer_id && o.product_id === c.product_id);
    if (earlier.length === 0) continue;
    const doc = docs.find((d) => d.id === c.transfer_id)!;
    const line = doc.lines.find((l) => l.productId === c.product_id)!;
    out.push({
      store_id: device.storeId,
      id: uuidv7(),
      kind: 'TRANSFER_DISCREPANCY',
      product_id: c.product_id,
      movement_id: null,
      device_id: device.deviceId,
      details: JSON.stringify({
        problem: 'counted_twice',
        transferId: doc.id,
        number: doc.number,
        fromStoreId: doc.fromStoreId,
        toStoreId: doc.toStoreId,
        sku: line.sku,
        name: line.name,
        unit: line.unit,
        counts: [{ qtyReceived: line.qtyReceived, qtyDamaged: line.qtyDamaged, deviceId: device.deviceId }, ...earlier.map((e) => ({ qtyReceived: Number(e.qty_received), qtyDamaged: Number(e.qty_damaged), deviceId: e.device_id }))],
      }),
    });
  }
  return out;
}

/**
 * Both sides are known (the caller holds the arrival row's lock): when every line is counted or
 * the transfer was closed, mark it settled and raise its discrepancy, if any, at the receiving store.
 */
async function settle(trx: Transaction<Database>, t: Transfer, device: Device, now: Date): Promise<OpenConflict[]> {
  const sender = await trx.selectFrom('transfers').select('doc').where('store_id', '=', t.fromStoreId).where('id', '=', t.id).executeTakeFirst();
  if (!sender) return [];
  const arrival = await trx
    .selectFrom('transfer_arrivals')
    .select(['received_at', 'received_by', 'closed_at', 'closed_by'])
    .where('store_id', '=', t.toStoreId)
    .where('transfer_id', '=', t.id)
    .executeTakeFirst();
  const counts = await trx
    .selectFrom('transfer_receipt_lines')
    .select(['product_id', 'sku', 'name', 'unit', 'qty_received', 'qty_damaged', 'device_id', 'received_at'])
    .where('store_id', '=', t.toStoreId)
    .where('transfer_id', '=', t.id)
    .execute();
  const doc = assembleTransfer(sender.doc as Transfer, arrival as ArrivalSide | undefined, counts as CountedLine[]);
  if (!isDispatched(doc) || !isFullyReceived(doc)) return [];
  await trx.updateTable('transfer_arrivals').set({ settled: true, updated_at: now }).where('store_id', '=', t.toStoreId).where('transfer_id', '=', t.id).execute();
  const lines = transferDiscrepancies(doc);
  if (lines.length === 0) return [];
  return [
    {
      store_id: doc.toStoreId,
      id: uuidv7(),
      kind: 'TRANSFER_DISCREPANCY',
      product_id: lines.length === 1 ? lines[0]!.productId : null,
      movement_id: null,
      device_id: device.storeId === doc.toStoreId ? device.deviceId : null,
      details: JSON.stringify({ problem: 'discrepancy', transferId: doc.id, number: doc.number, fromStoreId: doc.fromStoreId, toStoreId: doc.toStoreId, lines }),
    },
  ];
}
