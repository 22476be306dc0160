import { DomainError, uuidv7, type SyncMovement, type ProductRemap, type PushItemResult, type PushRequest, type PushResponse } from '@bazaar/shared';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { writeAudit } from '../audit/audit.writer';
import type { DevicePrincipal } from '../auth/principal';
import type { Database } from '../db/database.types';
import type { AppDeps } from '../http/app-env';
import { applyMovements, type MovementInput } from '../stock/stock.apply';
import { insertConflicts, stockConflicts, type OpenConflict } from '../stock/stock.conflicts';
import { DeviceStampIntake, FUTURE_FLAG_MS, judgeDeviceClock } from './sync.clock';
import { upsertOfflineProducts } from './sync.offline-products';
import { pushedDate, pushedDeviceTime, storePeople, unknownUserConflicts } from './sync.push-checks';
import { storeBills } from '../bills/bills.ingest';

/**
 * A quantity no counter enters on purpose (a typo, a scanner stuck on repeat): 100,000 pieces,
 * or 10 t / 10 kL of a weighed good, in one movement. Stored and rejected, never applied.
 */
export const SANE_QTY: Record<'pc' | 'g' | 'ml', number> = { pc: 100_000, g: 10_000_000, ml: 10_000_000 };

/** What a push checks of each product its movements name. */
interface ProductCheck {
  id: string;
  archived: boolean;
  unit: 'pc' | 'g' | 'ml';
}

interface StoredMovement {
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

/**
 * One product by primary key, for LATERAL joins. The LIMIT keeps the planner from flattening
 * it into a hash join over the whole catalog (its choice for a few hundred ids of 20,000).
 */
const productRow = (id: RawBuilder<unknown>) => sql`SELECT p.id, p.archived, p.unit FROM products p WHERE p.id = ${id} LIMIT 1`;

/** The batch in seq order, one entry per movement; the same seq with two contents is malformed. */
function normaliseBatch(movements: readonly SyncMovement[]): SyncMovement[] {
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

/**
 * One push, in the caller's transaction: everything below commits together or not at all.
 * Lock order (deadlock-free with every other writer): this device's row, the catalog counter
 * (only when the push carries products), the store counter (inside applyMovements), audit last.
 */
export async function pushBatch(
  trx: Transaction<Database>,
  deps: Pick<AppDeps, 'clock' | 'hlc'>,
  principal: DevicePrincipal,
  request: PushRequest,
): Promise<PushResponse> {
  const now = new Date(deps.clock.now());
  // The store's variance threshold comes along (unlocked, as any read of it would be).
  const device = await trx
    .selectFrom('devices as d')
    .innerJoin('stores as s', 's.id', 'd.store_id')
    .select(['d.id', 'd.store_id', 'd.name', 'd.last_seq', 'd.last_hlc', 'd.clock_error_ms', 'd.revoked_at', 's.variance_threshold', 's.archived as store_archived'])
    .where('d.store_id', '=', principal.storeId)
    .where('d.id', '=', principal.id)
    .forUpdate('d')
    .executeTakeFirst();
  // A device revoked by its store's archiving still hands in what it queued: stored, rejected, raised.
  if (!device || (device.revoked_at !== null && !device.store_archived)) throw new DomainError('UNAUTHENTICATED', 'invalid or revoked device token');
  const storeClosed = device.store_archived;
  const storeId = device.store_id;
  const acked = Number(device.last_seq);

  const batch = normaliseBatch(request.movements);
  const duplicates = batch.filter((m) => m.seq <= acked);
  const fresh = batch.filter((m) => m.seq > acked);
  fresh.forEach((m, i) => {
    if (m.seq !== acked + 1 + i) {
      throw new DomainError('SEQ_GAP', `seq must continue from ${acked + 1 + i} without gaps; got ${m.seq}. Resend from seq ${acked + 1}`, {
        expectedSeq: acked + 1,
        ackedSeq: acked,
        receivedSeq: m.seq,
      });
    }
  });

  // Merges recorded earlier (by any device) apply to this batch's movements too. One read gives
  // each referenced id's merge, if any, and the product it resolves to.
  const referenced = [...new Set([...batch.map((m) => m.productId), ...request.products.map((p) => p.id)])];
  const { rows: resolved } = referenced.length
    ? await sql<{ to_product_id: string | null; from_product_id: string | null; sku: string | null } & Partial<ProductCheck>>`
        SELECT r.from_product_id, r.to_product_id, r.sku, p.id, p.archived, p.unit
        FROM unnest(${referenced}::uuid[]) AS k(id)
        LEFT JOIN product_remaps r ON r.from_product_id = k.id
        LEFT JOIN LATERAL (${productRow(sql`coalesce(r.to_product_id, k.id)`)}) p ON true`.execute(trx)
    : { rows: [] };
  const remaps = new Map<string, ProductRemap>();
  const productById = new Map<string, ProductCheck>();
  for (const r of resolved) {
    if (r.from_product_id && r.to_product_id && r.sku !== null) {
      remaps.set(r.from_product_id, { fromProductId: r.from_product_id, toProductId: r.to_product_id, sku: r.sku });
    }
    if (r.id && r.archived !== undefined && r.unit) productById.set(r.id, { id: r.id, archived: r.archived, unit: r.unit });
  }
  const remap = (productId: string) => remaps.get(productId)?.toProductId ?? productId;

  const replayed = duplicates.length ? await assertSameAsStored(trx, device.id, duplicates, remap) : new Map<string, StoredMovement>();

  const offline = await upsertOfflineProducts(trx, { id: device.id, storeId }, request.products, now);
  for (const r of offline.remaps) remaps.set(r.fromProductId, r);
  const productIds = [...new Set(fresh.map((m) => remap(m.productId)))];
  if (request.products.length && productIds.length) {
    // Offline products were just created or merged under the catalog lock: read them again after it.
    const { rows } = await sql<ProductCheck>`
      SELECT p.id, p.archived, p.unit FROM unnest(${productIds}::uuid[]) AS k(id) JOIN LATERAL (${productRow(sql`k.id`)}) p ON true`.execute(trx);
    productById.clear();
    for (const p of rows) productById.set(p.id, p);
  }

  // Device stamps are ordered by the hub's rule (sync.clock.ts): none in the hub's future, none
  // dragging the hub's clock, each after the device's previous one.
  const intake = new DeviceStampIntake(deps.hlc, now.getTime(), device.last_hlc);
  if (request.deviceHlc) intake.observe(request.deviceHlc);
  const clock = judgeDeviceClock(request.clock, now.getTime(), device.clock_error_ms === null ? null : Number(device.clock_error_ms));

  const people = await storePeople(trx, storeId, fresh);
  const droppedUsers = new Map<string, { userId: string; seq: number; productId: string }>();
  const inputs: MovementInput[] = fresh.map((m) => {
    const date = pushedDate(m.occurredAt, now.getTime());
    const ordered = intake.order(m.id, m.hlc, date.value);
    const productId = remap(m.productId);
    const product = productById.get(productId);
    if (m.userId !== null && !people.has(m.userId)) droppedUsers.set(m.id, { userId: m.userId, seq: m.seq, productId });
    const productProblem = !product
      ? `unknown product ${productId}`
      : product.archived
        ? 'product is archived at the hub'
        : Math.abs(m.qty) > SANE_QTY[product.unit]
          ? `quantity ${m.qty} ${product.unit} is over the sane bound of ${SANE_QTY[product.unit]} for one movement`
          : null;
    const rejectReason = (storeClosed ? 'store is archived at the hub' : null) ?? date.problem ?? productProblem;
    return {
      id: m.id,
      storeId,
      deviceId: device.id,
      seq: m.seq,
      hlc: ordered.hlc,
      deviceHlc: m.stampedHlc ?? m.hlc,
      deviceTime: pushedDeviceTime(m.deviceTime ?? (ordered.occurredAt !== m.occurredAt ? m.occurredAt : null), now.getTime()),
      kind: m.kind,
      productId,
      qty: m.qty,
      unitPricePaise: m.unitPricePaise,
      unitCostPaise: m.unitCostPaise,
      reason: m.reason,
      note: m.note,
      supplierId: m.supplierId,
      batchId: m.batchId,
      userId: m.userId !== null && people.has(m.userId) ? m.userId : null,
      occurredAt: ordered.occurredAt,
      status: rejectReason ? 'rejected' : 'applied',
      rejectReason,
    };
  });

  const applied = await applyMovements(trx, inputs);
  const insertedIds = new Set(applied.inserted.map((r) => r.id));
  const newInputs = inputs.filter((m) => insertedIds.has(m.id));
  const newApplied = newInputs.filter((m) => m.status === 'applied');

  const fromStock = stockConflicts(applied.stock, newApplied, () => device.variance_threshold);
  const conflicts: OpenConflict[] = [
    ...fromStock,
    ...offline.conflicts,
    ...newInputs
      .filter((m) => m.status === 'rejected')
      .map((m) => ({
        store_id: storeId,
        id: uuidv7(),
        kind: 'REJECTED_MOVEMENT',
        product_id: m.productId,
        movement_id: m.id,
        device_id: device.id,
        details: JSON.stringify({ reason: m.rejectReason, seq: m.seq, kind: m.kind, qty: m.qty }),
      })),
    ...lateMovementConflicts(applied.stock, newApplied, device.id),
    ...unknownUserConflicts(storeId, device.id, droppedUsers, insertedIds),
  ];
  if (intake.maxAheadMs > FUTURE_FLAG_MS) {
    conflicts.push({
      store_id: storeId,
      id: uuidv7(),
      kind: 'CLOCK_DRIFT',
      product_id: null,
      movement_id: intake.aheadMovementId,
      device_id: device.id,
      details: JSON.stringify({ direction: 'fast', driftMs: intake.maxAheadMs, hlc: intake.aheadHlc, restamped: intake.restamped, boundMs: FUTURE_FLAG_MS }),
    });
  }
  if (clock.flag) {
    conflicts.push({
      store_id: storeId,
      id: uuidv7(),
      kind: 'CLOCK_DRIFT',
      product_id: null,
      movement_id: null,
      device_id: device.id,
      details: JSON.stringify({ direction: clock.flag.direction, driftMs: Math.abs(clock.flag.errorMs), errorMs: clock.flag.errorMs, correctedErrorMs: clock.flag.correctedErrorMs }),
    });
  }
  await insertConflicts(trx, conflicts);
  const bills = await storeBills(trx, { storeId, deviceId: device.id }, request.bills, now);

  const ackedSeq = fresh.length ? fresh[fresh.length - 1]!.seq : acked;
  await trx
    .updateTable('devices')
    .set({ last_seq: ackedSeq, last_hlc: intake.lastHlc(), last_push_at: now, clock_error_ms: clock.errorMs })
    .where('store_id', '=', storeId)
    .where('id', '=', device.id)
    .execute();

  const results: PushItemResult[] = batch.map((m) => {
    const input = m.seq > acked ? inputs[m.seq - acked - 1] : undefined;
    if (!input || !insertedIds.has(m.id)) {
      // A replay gets the first answer again: a device whose response was lost still learns of a rejection.
      const stored = replayed.get(m.id);
      if (stored?.status === 'rejected') return { id: m.id, seq: m.seq, status: 'rejected', reason: stored.reject_reason };
      return { id: m.id, seq: m.seq, status: 'duplicate', reason: null };
    }
    return { id: m.id, seq: m.seq, status: input.status ?? 'applied', reason: input.rejectReason ?? null };
  });
  await writeAudit(trx, {
    actorId: device.id,
    actorName: `device:${device.name}`,
    action: 'sync.push',
    entity: 'device',
    entityId: device.id,
    storeId,
    before: { ackedSeq: acked },
    after: {
      ackedSeq,
      applied: newApplied.length,
      rejected: newInputs.length - newApplied.length,
      duplicates: duplicates.length + fresh.filter((m) => !insertedIds.has(m.id)).length,
      productsCreated: offline.created,
      productsMerged: offline.remaps.map((r) => r.fromProductId),
      conflicts: conflicts.map((c) => c.kind),
      ...(request.bills.length ? { billsStored: bills.inserted, billsVoided: bills.voided } : {}),
    },
    at: now,
  });

  const remapsOut = [...remaps.values()].filter((r) => referenced.includes(r.fromProductId));
  return { ackedSeq, results, remaps: remapsOut, serverTime: deps.clock.now(), hubHlc: deps.hlc.now() };
}

/** A replayed seq must be exactly what the hub stored for it; anything else means the device lost its log. */
async function assertSameAsStored(
  trx: Transaction<Database>,
  deviceId: string,
  duplicates: readonly SyncMovement[],
  remap: (productId: string) => string,
): Promise<Map<string, StoredMovement>> {
  const { rows } = await sql<StoredMovement>`
    SELECT id, device_id, seq, hlc, kind, product_id, qty, occurred_at, device_hlc, status, reject_reason FROM movements
    WHERE id = ANY(${duplicates.map((m) => m.id)}::uuid[])
       OR (device_id = ${deviceId}::uuid AND seq = ANY(${duplicates.map((m) => m.seq)}::bigint[]))`.execute(trx);
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

/** Deltas of this push that landed before the latest count: they moved its variance, not the stock. */
function lateMovementConflicts(
  stock: Awaited<ReturnType<typeof applyMovements>>['stock'],
  movements: readonly MovementInput[],
  deviceId: string,
): OpenConflict[] {
  const out: OpenConflict[] = [];
  const batchIds = new Set(movements.map((m) => m.id));
  // Deltas by key, in batch order: one pass, not stock rows x movements.
  const deltas = new Map<string, MovementInput[]>();
  for (const m of movements) {
    if (m.kind === 'COUNT') continue;
    const k = `${m.storeId}/${m.productId}`;
    const list = deltas.get(k);
    if (list) list.push(m);
    else deltas.set(k, [m]);
  }
  for (const s of stock) {
    // A count that came in this same push is not "earlier": the batch is the device's own order.
    if (s.lastCountHlc === null || s.lastCountMovementId === null || batchIds.has(s.lastCountMovementId)) continue;
    const { lastCountHlc: chlc, lastCountMovementId: cid } = s;
    // (hlc, id) tuple order, as SQL and mergeStock order the log.
    const late = (deltas.get(`${s.storeId}/${s.productId}`) ?? []).filter((m) => m.hlc < chlc || (m.hlc === chlc && m.id < cid));
    const first = late[0];
    if (!first) continue;
    out.push({
      store_id: s.storeId,
      id: uuidv7(),
      kind: 'LATE_MOVEMENT_ABSORBED',
      product_id: s.productId,
      movement_id: first.id,
      device_id: deviceId,
      details: JSON.stringify({
        countMovementId: s.lastCountMovementId,
        countHlc: s.lastCountHlc,
        absorbedQty: late.reduce((a, m) => a + m.qty, 0),
        movements: late.length,
        movementIds: late.slice(0, 50).map((m) => m.id),
        varianceNow: s.lastCountVariance,
      }),
    });
  }
  return out;
}
