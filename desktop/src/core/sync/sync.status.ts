import { sql } from 'kysely';
import type { Executor, SettingsRow } from '../db/db.types';
import type { SyncStatusView } from '../core.api';
import { getSyncState } from '../settings/settings.repository';

export async function syncStatus(db: Executor, settings: SettingsRow | undefined): Promise<SyncStatusView> {
  const s = await getSyncState(db);
  // Indexed look-ups, never a pass over the log (the header asks every few seconds, for years):
  // the newest seq (unique index); what the hub has not acknowledged is every seq after the
  // acknowledged one, and seqs are gap-free from 1, so it is their difference, not a count; the
  // rejected come from a partial index.
  const last = await db.selectFrom('movements').select((eb) => eb.fn.max('seq').as('lastSeq')).executeTakeFirstOrThrow();
  const pending = { n: Math.max(0, Number(last.lastSeq ?? 0) - s.acked_seq) };
  const rejected = await db.selectFrom('movements').select((eb) => eb.fn.countAll<number>().as('n')).where('sync_status', '=', sql.lit('rejected')).executeTakeFirstOrThrow();
  const products = await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).where('push_state', '=', 'pending').executeTakeFirstOrThrow();
  const enrolled = Boolean(settings?.hub_url);
  let state: SyncStatusView['state'] = 'standalone';
  if (enrolled) {
    if (s.halted) state = 'halted';
    else if (!s.last_attempt_at) state = 'never';
    else state = s.consecutive_failures > 0 ? 'offline' : 'online';
  }
  return {
    enrolled,
    hubUrl: settings?.hub_url ?? null,
    state,
    pendingMovements: Number(pending.n),
    pendingProducts: Number(products.n),
    rejectedMovements: Number(rejected.n),
    ackedSeq: s.acked_seq,
    lastSeq: Number(last.lastSeq ?? 0),
    lastSuccessAt: s.last_success_at,
    lastAttemptAt: s.last_attempt_at,
    // An error that a later successful sync has overcome is history, not the state of things.
    lastError: errorStillCurrent(s.last_error_at, s.last_success_at) ? s.last_error : null,
    lastErrorAt: errorStillCurrent(s.last_error_at, s.last_success_at) ? s.last_error_at : null,
    consecutiveFailures: s.consecutive_failures,
    clockOffsetMs: s.clock_offset_ms,
    halted: s.halted,
  };
}

function errorStillCurrent(errorAt: string | null, successAt: string | null): boolean {
  if (!errorAt) return false;
  return !successAt || Date.parse(errorAt) > Date.parse(successAt);
}
