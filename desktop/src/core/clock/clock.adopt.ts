import { correctStamps, resumeAfterCorrection } from '@bazaar/shared';
import { prepared } from '../db/prepared';
import type { Executor } from '../db/db.types';
import type { CoreContext } from '../core.context';
import { recomputeStock } from '../stock/stock.view';

interface ProvisionalRow {
  id: string;
  seq: number;
  hlc: string;
  product_id: string;
  device_time: number | null;
  stamp_offset_ms: number | null;
}

/**
 * What an exchange with the hub teaches the clock, inside the write transaction that applies the
 * answer: the offset to hub time (from now on), the final stamps of the movements made since the
 * previous exchange (hlc.correction.ts: re-derived from the raw clock with this offset when the
 * one they used was wrong), a clock that no longer resumes from a stamp days ahead, and the hub's
 * HLC merged last, so that the device's later stamps order after what it has just seen.
 * Returns how many stamps changed.
 */
export async function adoptHubTime(ctx: CoreContext, db: Executor, offsetMs: number, hubHlc: string): Promise<number> {
  const { raw, clock } = ctx;
  prepared(raw, 'UPDATE sync_state SET clock_offset_ms = ? WHERE id = 1').run(offsetMs);
  clock.setOffset(offsetMs);
  const rows = prepared(raw, 'SELECT id, seq, hlc, product_id, device_time, stamp_offset_ms FROM movements WHERE clock_final = 0 ORDER BY seq').all() as ProvisionalRow[];
  let changed = 0;
  if (rows.length > 0) {
    const first = rows[0]!.seq;
    const prev = (prepared(raw, 'SELECT hlc FROM movements WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(first) as { hlc: string } | undefined)?.hlc ?? null;
    const node = ctx.settings.hlc_node;
    const out = correctStamps(
      prev,
      node,
      offsetMs,
      rows.map((r) => ({ hlc: r.hlc, deviceTimeMs: r.device_time ?? 0, offsetMs: r.device_time === null ? offsetMs : (r.stamp_offset_ms ?? 0) })),
    );
    const restamp = prepared(raw, 'UPDATE movements SET hlc = ?, stamped_hlc = coalesce(stamped_hlc, ?), occurred_at = ?, clock_final = 1 WHERE id = ?');
    const finalise = prepared(raw, 'UPDATE movements SET clock_final = 1 WHERE id = ?');
    const touched = new Set<string>();
    rows.forEach((r, i) => {
      const c = out[i]!;
      if (c.changed) {
        restamp.run(c.hlc, r.hlc, new Date(c.occurredAtMs).toISOString(), r.id);
        touched.add(r.product_id);
        changed += 1;
      } else {
        finalise.run(r.id);
      }
    });
    if (changed > 0) {
      const persisted = (prepared(raw, 'SELECT hlc_last FROM settings WHERE id = 1').get() as { hlc_last: string | null } | undefined)?.hlc_last ?? null;
      clock.resetTo(raw, resumeAfterCorrection(persisted, out[out.length - 1]!.hlc, clock.nowMs()));
      await recomputeStock(db, touched, new Date(clock.nowMs()).toISOString());
    }
  }
  await clock.receive(db, hubHlc);
  return changed;
}
