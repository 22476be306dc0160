import { countVarianceLimit, DomainError, SYNC_PROTOCOL_VERSION, uuidv7, type ProductRemap, type PushItemResult, type PushRequest, type PushResponse } from '@bazaar/shared';
import { sql, type Kysely, type Transaction } from 'kysely';
import { auditAppendSql, lockAuditHeads, type AuditDraw, type AuditEntry } from '../audit/audit.writer';
import type { DevicePrincipal } from '../auth/principal';
import type { Database } from '../db/database.types';
import type { AppDeps } from '../http/app-env';
import { applyMovements, type MovementInput } from '../stock/stock.apply';
import { conflictsInsertSql, stockConflicts, type OpenConflict } from '../stock/stock.conflicts';
import { DeviceStampIntake, FUTURE_FLAG_MS, judgeDeviceClock } from './sync.clock';
import { upsertOfflineProducts } from './sync.offline-products';
import { billsAlongside } from '../bills/bills.in-push';
import { storeBills } from '../bills/bills.ingest';
import { storePurchasesOfPush } from '../purchases/purchases.in-push';
import { storeTransfers } from '../transfers/transfers.in-push';
import { storeShiftsOfPush } from '../shifts/shifts.in-push';
import { storeCreditOfPush } from '../credit/credit.in-push';
import { lockScopes } from '../db/change-version';
import { pushedDate, pushedDeviceTime, unknownUserConflicts } from './sync.push-checks';
import { lateMovementConflicts } from './sync.push-late';
import { openPush, productRow, resolveProductsSql, type ProductCheck, type ResolvedProduct } from './sync.push-open';
import { assertSameAsStored, normaliseBatch, type StoredMovement } from './sync.push-replay';

/**
 * A quantity no counter enters on purpose (a typo, a scanner stuck on repeat): 100,000 pieces,
 * or 10 t / 10 kL of a weighed good, in one movement. Stored and rejected, never applied.
 */
export const SANE_QTY: Record<'pc' | 'g' | 'ml', number> = { pc: 100_000, g: 10_000_000, ml: 10_000_000 };

/**
 * A push of at most this many movements runs its statements prepared (db.prepared.ts): the
 * counters' every-30-seconds pushes. Bulk catch-up batches are planned for their own size.
 */
export const PREPARED_PUSH_MAX = 64;

export interface PushOptions {
  /** SET LOCAL lock_timeout for the push (admission control); 0 or absent: the server default. */
  lockTimeoutMs?: number;
  /** The sync protocol the device speaks (header Bazaar-Sync-Protocol); 1 when it sends none. */
  protocol?: number;
}

/** What a committed push reports to the platform (alerts, live events, metrics). */
export interface PushCommit {
  storeId: string;
  deviceId: string;
  /** Movements newly applied. */
  applied: number;
  /** Products whose stock this push changed. */
  productIds: string[];
}

/** A push in a transaction of its own, as POST /sync/push runs it. */
export async function pushInTransaction(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hlc'> & { config: { admission: { pushLockTimeoutMs: number } } },
  principal: DevicePrincipal,
  request: PushRequest,
  protocolHeader: string | undefined,
): Promise<{ response: PushResponse; commit: PushCommit }> {
  const protocol = Number(protocolHeader ?? 1);
  return (deps.db as Kysely<Database>).transaction().execute((trx) =>
    runPush(trx, deps, principal, request, { lockTimeoutMs: deps.config.admission.pushLockTimeoutMs, protocol: Number.isInteger(protocol) ? protocol : 1 }),
  );
}

/** One push in the caller's transaction (see runPush). */
export async function pushBatch(
  trx: Transaction<Database>,
  deps: Pick<AppDeps, 'clock' | 'hlc'>,
  principal: DevicePrincipal,
  request: PushRequest,
  opts: PushOptions = {},
): Promise<PushResponse> {
  return (await runPush(trx, deps, principal, request, opts)).response;
}

/**
 * One push, in the caller's transaction: everything below commits together or not at all.
 * Lock order (deadlock-free with every other writer): this device's row, the catalog counter
 * (only when the push carries products), the store counter, the store's audit head last.
 *
 * Round trips in the common case (no offline products, no replayed seqs, no COUNT): BEGIN,
 * openPush (lock timeout, device row, store counter, audit head, products, people), one
 * statement for movements + stock (applyMovements), one for conflicts + device row + audit
 * row + audit head (closePush), COMMIT. A replay adds its comparison read, offline products
 * their catalog work, a COUNT its second stock statement.
 */
async function runPush(
  trx: Transaction<Database>,
  deps: Pick<AppDeps, 'clock' | 'hlc'>,
  principal: DevicePrincipal,
  request: PushRequest,
  opts: PushOptions,
): Promise<{ response: PushResponse; commit: PushCommit }> {
  const now = new Date(deps.clock.now());
  const batch = normaliseBatch(request.movements);
  const referenced = [...new Set([...batch.map((m) => m.productId), ...request.products.map((p) => p.id)])];
  const named = [...new Set(batch.map((m) => m.userId).filter((u): u is string => u !== null))];
  // Offline products need the catalog counter before the store's: the store is then locked later.
  const lockStore = request.products.length === 0;
  const small = batch.length <= PREPARED_PUSH_MAX && referenced.length <= PREPARED_PUSH_MAX;
  const opening = await openPush(trx, { storeId: principal.storeId, deviceId: principal.id, lockTimeoutMs: opts.lockTimeoutMs ?? 0, referenced, named, lockStore, prepared: small });
  const device = opening.device;
  // A device revoked by its store's archiving still hands in what it queued: stored, rejected, raised.
  if (!device || (device.revoked_at !== null && !device.store_archived)) throw new DomainError('UNAUTHENTICATED', 'invalid or revoked device token');
  const storeClosed = device.store_archived;
  const storeId = device.store_id;
  const acked = device.last_seq;
  const varianceRule = { varianceThreshold: device.variance_threshold, varianceLoosePercent: Number(device.variance_loose_percent) };

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

  // Merges recorded earlier (by any device) apply to this batch's movements too. A wait for the
  // device row means this device's previous push committed meanwhile: read after it.
  const resolved: ResolvedProduct[] =
    opening.waited && referenced.length ? (await resolveProductsSql(referenced).execute(trx)).rows as ResolvedProduct[] : opening.resolved;
  const remaps = new Map<string, ProductRemap>();
  const productById = new Map<string, ProductCheck>();
  for (const r of resolved) {
    if (r.from_product_id && r.to_product_id && r.sku !== null) {
      remaps.set(r.from_product_id, { fromProductId: r.from_product_id, toProductId: r.to_product_id, sku: r.sku });
    }
    if (r.id && r.archived !== undefined && r.unit) productById.set(r.id, { id: r.id, archived: r.archived, unit: r.unit });
  }
  const remap = (productId: string) => remaps.get(productId)?.toProductId ?? productId;

  const replayed = duplicates.length ? await assertSameAsStored(trx, storeId, device.id, duplicates, remap) : new Map<string, StoredMovement>();

  const offline = request.products.length
    ? await upsertOfflineProducts(trx, { id: device.id, storeId }, request.products, now)
    : { created: [], remaps: [], conflicts: [] };
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
  const clock = judgeDeviceClock(request.clock, now.getTime(), device.clock_error_ms);

  const people = opening.people;
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
      unitPriceMinor: m.unitPriceMinor,
      unitCostMinor: m.unitCostMinor,
      reason: m.reason,
      note: m.note,
      supplierId: m.supplierId,
      batchId: m.batchId,
      lot: m.lot ?? null,
      expiresOn: m.expiresOn ?? null,
      userId: m.userId !== null && people.has(m.userId) ? m.userId : null,
      occurredAt: ordered.occurredAt,
      status: rejectReason ? 'rejected' : 'applied',
      rejectReason,
    };
  });

  const versions = opening.store ? new Map([[storeId, opening.store.version]]) : undefined;
  // Bills ride in the movements statement when they can (bills.in-push.ts), else on their own.
  const billWrites = request.bills.length ? billsAlongside({ storeId, deviceId: device.id }, request.bills, now) : undefined;
  const applied = await applyMovements(trx, inputs, { versions, prepared: small, alongside: billWrites });
  const insertedIds = new Set(applied.inserted.map((r) => r.id));
  const newInputs = inputs.filter((m) => insertedIds.has(m.id));
  const newApplied = newInputs.filter((m) => m.status === 'applied');

  const conflicts: OpenConflict[] = [
    ...stockConflicts(applied.stock, newApplied, (m, variance) => countVarianceLimit(productById.get(m.productId)?.unit ?? 'pc', m.qty, variance, varianceRule)),
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
    ...clockConflicts(storeId, device.id, intake, clock.flag),
  ];
  // Bills after the movements, before the audit row (it counts them). Their over-return
  // conflicts go with the push's others, or are stored by storeBills when it stored them.
  const bills = billWrites && applied.alongside ? billWrites.read(applied.alongside) : { ...(await storeBills(trx, { storeId, deviceId: device.id }, request.bills, now)), conflicts: [] };
  const purchases = await storePurchasesOfPush(trx, { storeId, deviceId: device.id }, request, now);
  // Transfers after the movements too: each store's side under its own key (transfers.in-push.ts).
  const transfers = request.transfers.length ? await storeTransfers(trx, { storeId, deviceId: device.id }, request.transfers, now) : null;
  const shifts = await storeShiftsOfPush(trx, { storeId, deviceId: device.id }, request, now);
  // Customers and their ledger entries (issue 20): after the movements, under the store's counter.
  // Entries reach `pos` in commit order only under the store's counter: taken unless the opening or the movements took it.
  if (request.creditEntries.length && !opening.store && inputs.length === 0) await lockScopes(trx, [storeId]);
  const credit = await storeCreditOfPush(trx, { storeId, deviceId: device.id }, request, now);

  const ackedSeq = fresh.length ? fresh[fresh.length - 1]!.seq : acked;
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
  const audit: AuditEntry = {
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
      ...(purchases ?? {}),
      ...(transfers ? { transfersStored: transfers.stored, transfersIgnored: transfers.ignored } : {}),
      ...(shifts ?? {}),
      ...(credit ?? {}),
    },
    at: now,
  };
  // The store's audit head: locked by openPush, or now (after the catalog and store counters).
  const draw: AuditDraw = opening.store ? { heads: [opening.store.head], ids: [opening.store.auditId] } : await lockAuditHeads(trx, [storeId], 1);
  const deviceUpdate = sql`dv AS (
    UPDATE devices SET last_seq = ${ackedSeq}::bigint, last_hlc = ${intake.lastHlc()}::text, last_push_at = ${now}::timestamptz, clock_error_ms = ${clock.errorMs}::bigint
    WHERE store_id = ${storeId}::uuid AND id = ${device.id}::uuid)`;
  // OVER_RETURN conflicts are stored with the rest but, as before, not listed in the audit row.
  const raised = [...conflicts, ...bills.conflicts, ...(transfers?.conflicts ?? [])];
  await auditAppendSql(draw, [audit], [deviceUpdate, ...(raised.length ? [sql`cf AS (${conflictsInsertSql(raised)})`] : [])], { prepared: small }).execute(trx);

  const remapsOut = [...remaps.values()].filter((r) => referenced.includes(r.fromProductId));
  const base = { ackedSeq, remaps: remapsOut, serverTime: deps.clock.now(), hubHlc: deps.hlc.now() };
  // Protocol 2: movements that were applied are not listed (the acknowledged seq says so).
  const response: PushResponse =
    (opts.protocol ?? 1) >= 2
      ? { ...base, protocol: Math.min(opts.protocol ?? 1, SYNC_PROTOCOL_VERSION), applied: newApplied.length, results: results.filter((r) => r.status !== 'applied') }
      : { ...base, results };
  return {
    response,
    commit: { storeId, deviceId: device.id, applied: newApplied.length, productIds: [...new Set(applied.stock.map((s) => s.productId))] },
  };
}

/** CLOCK_DRIFT conflicts: stamps from the hub's future, and a device clock off either way. */
function clockConflicts(storeId: string, deviceId: string, intake: DeviceStampIntake, flag: ReturnType<typeof judgeDeviceClock>['flag']): OpenConflict[] {
  const out: OpenConflict[] = [];
  if (intake.maxAheadMs > FUTURE_FLAG_MS) {
    out.push({
      store_id: storeId,
      id: uuidv7(),
      kind: 'CLOCK_DRIFT',
      product_id: null,
      movement_id: intake.aheadMovementId,
      device_id: deviceId,
      details: JSON.stringify({ direction: 'fast', driftMs: intake.maxAheadMs, hlc: intake.aheadHlc, restamped: intake.restamped, boundMs: FUTURE_FLAG_MS }),
    });
  }
  if (flag) {
    out.push({
      store_id: storeId,
      id: uuidv7(),
      kind: 'CLOCK_DRIFT',
      product_id: null,
      movement_id: null,
      device_id: deviceId,
      details: JSON.stringify({ direction: flag.direction, driftMs: Math.abs(flag.errorMs), errorMs: flag.errorMs, correctedErrorMs: flag.correctedErrorMs }),
    });
  }
  return out;
}
