import { uuidv7, type ChainReport, type VerifyRun } from '@bazaar/shared';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { AuditVerifyRunsTable, Database } from '../db/database.types';
import { listChains, verifyAnchors, verifyChains, type VerifyOptions } from './audit.verify';

export const verifyAuditJob = z.object({ runId: z.string().uuid() });

/** Chains per step; progress is written after each. */
const STEP = 200;
/** Broken chains kept in a run's answer. */
const MAX_BROKEN = 1000;

export async function createVerifyRun(db: Kysely<Database>, requestedBy: string | null): Promise<string> {
  const id = uuidv7();
  const total = await db.selectFrom('audit_heads').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  await db.insertInto('audit_verify_runs').values({ id, state: 'running', chains_total: Number(total.n), ok: null, error: null, requested_by: requestedBy, finished_at: null }).execute();
  return id;
}

/**
 * Verify every chain in key order, STEP chains at a time, writing progress after each step;
 * then the anchors. Restartable: a retried job starts over (verification writes nothing else).
 */
export async function runVerify(db: Kysely<Database>, runId: string, opts: VerifyOptions & { final: boolean }): Promise<void> {
  let after: string | null = null;
  let done = 0;
  let rows = 0;
  const broken: ChainReport[] = [];
  await db.updateTable('audit_verify_runs').set({ state: 'running', chains_done: 0, rows_checked: 0, broken: '[]', error: null }).where('id', '=', runId).execute();
  try {
    for (;;) {
      const chains = await listChains(db, after, STEP);
      if (chains.length === 0) break;
      const reports = await verifyChains(db, chains, opts);
      for (const r of reports) {
        rows += r.checked;
        if (!r.ok && broken.length < MAX_BROKEN) broken.push(r);
      }
      done += chains.length;
      after = chains[chains.length - 1]!;
      await db.updateTable('audit_verify_runs').set({ chains_done: done, rows_checked: rows, broken: JSON.stringify(broken) }).where('id', '=', runId).execute();
    }
    const anchors = await verifyAnchors(db);
    await db
      .updateTable('audit_verify_runs')
      .set({ state: 'done', ok: broken.length === 0 && anchors.ok, chains_total: done, anchors: JSON.stringify(anchors), finished_at: new Date() })
      .where('id', '=', runId)
      .execute();
  } catch (err) {
    if (opts.final) {
      await db
        .updateTable('audit_verify_runs')
        .set({ state: 'failed', error: err instanceof Error ? err.message : String(err), finished_at: new Date() })
        .where('id', '=', runId)
        .execute();
    }
    throw err;
  }
}

export function toVerifyRun(r: Selectable<AuditVerifyRunsTable>): VerifyRun {
  return {
    id: r.id,
    state: r.state,
    chainsTotal: Number(r.chains_total),
    chainsDone: Number(r.chains_done),
    rowsChecked: Number(r.rows_checked),
    ok: r.ok,
    broken: (r.broken ?? []) as ChainReport[],
    anchors: (r.anchors ?? null) as VerifyRun['anchors'],
    error: r.error,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}
