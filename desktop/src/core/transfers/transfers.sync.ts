import { mergeTransfer, MAX_PUSH_TRANSFERS, syncTransfersResponseSchema, type Transfer } from '@bazaar/shared';
import type { CoreContext } from '../core.context';
import type { Executor, MovementRow } from '../db/db.types';
import { prepared } from '../db/prepared';
import { writeTxSync } from '../db/write-tx';
import { HubError, hubRequest, type HubTarget } from '../sync/sync.http';
import { docOf, saveTransferSync } from './transfers.repository';

/**
 * The transfers a push carries: those whose movements ride in it (a dispatch, a receipt), and
 * those acted on here that the hub has not acknowledged (a receipt that moved nothing, a close),
 * unless some of their movements are still waiting behind this batch: a document never reaches
 * the hub before its stock does. Returns the versions sent, to mark them pushed after the answer.
 */
export async function transfersOfBatch(db: Executor, movements: readonly Pick<MovementRow, 'batch_id' | 'seq'>[], ackedSeq: number): Promise<{ docs: Transfer[]; versions: Map<string, number> }> {
  const inBatch = [...new Set(movements.map((m) => m.batch_id).filter((b): b is string => b !== null))];
  const lastSeq = movements.reduce((a, m) => Math.max(a, m.seq), ackedSeq);
  const rows = await db
    .selectFrom('transfers')
    .select(['id', 'doc_json', 'version'])
    .where((eb) => eb.or([eb('id', 'in', inBatch.length ? inBatch : ['']), eb('version', '>', eb.ref('pushed_version'))]))
    .orderBy('created_at')
    .limit(MAX_PUSH_TRANSFERS)
    .execute();
  const held = rows.length
    ? new Set(
        (await db.selectFrom('movements').select('batch_id').distinct().where('seq', '>', lastSeq).where('batch_id', 'in', rows.map((r) => r.id)).execute()).map((r) => r.batch_id),
      )
    : new Set<string | null>();
  const kept = rows.filter((r) => !held.has(r.id));
  return { docs: kept.map(docOf), versions: new Map(kept.map((r) => [r.id, r.version])) };
}

/** After a 200: what was sent is what the hub holds (by id, idempotently). */
export async function markTransfersPushed(db: Executor, versions: ReadonlyMap<string, number>): Promise<void> {
  for (const [id, version] of versions) {
    await db.updateTable('transfers').set({ pushed_version: version }).where('id', '=', id).where('pushed_version', '<', version).execute();
  }
}

/**
 * After the pull: the open transfers of this store from the hub (drafts to dispatch, transfers on
 * their way in or out), merged with this counter's copies (transfer.sides.ts: its own acts
 * stand), and the stores it may send to. A hub that predates transfers answers 404: nothing to do.
 */
export async function pullTransfers(ctx: CoreContext, target: HubTarget): Promise<number> {
  let answer;
  try {
    answer = await hubRequest(target, 'GET', 'api/v1/sync/transfers');
  } catch (err) {
    if (err instanceof HubError && err.status === 404) return 0;
    throw err;
  }
  const parsed = syncTransfersResponseSchema.safeParse(answer.body);
  if (!parsed.success) throw new HubError(`hub transfers answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, 200, 'INTERNAL', null);
  const at = new Date(ctx.clock.nowMs()).toISOString();
  return writeTxSync(ctx.db, ctx.raw, () => {
    for (const remote of parsed.data.transfers) {
      const row = prepared(ctx.raw, 'SELECT doc_json, version, pushed_version FROM transfers WHERE id = ?').get(remote.id) as { doc_json: string; version: number; pushed_version: number } | undefined;
      const merged = row ? mergeTransfer(docOf(row), remote) : remote;
      saveTransferSync(ctx.raw, merged, at, false, row);
    }
    prepared(ctx.raw, 'DELETE FROM transfer_stores').run();
    for (const s of parsed.data.stores) prepared(ctx.raw, 'INSERT INTO transfer_stores (id, code, name) VALUES (?, ?, ?)').run(s.id, s.code, s.name);
    return parsed.data.transfers.length;
  });
}
