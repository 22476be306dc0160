import type { Executor, SettingsRow } from '../db/db.types';
import type { SyncStatusView } from '../core.api';
import { getSyncState } from '../settings/settings.repository';

export async function syncStatus(db: Executor, settings: SettingsRow | undefined): Promise<SyncStatusView> {
  const s = await getSyncState(db);
  const counts = await db
    .selectFrom('movements')
    .select((eb) => [
      eb.fn.max('seq').as('lastSeq'),
      eb.fn.countAll<number>().filterWhere('seq', '>', s.acked_seq).as('pending'),
      eb.fn.countAll<number>().filterWhere('sync_status', '=', 'rejected').as('rejected'),
    ])
    .executeTakeFirstOrThrow();
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
    pendingMovements: Number(counts.pending),
    pendingProducts: Number(products.n),
    rejectedMovements: Number(counts.rejected),
    ackedSeq: s.acked_seq,
    lastSeq: Number(counts.lastSeq ?? 0),
    lastSuccessAt: s.last_success_at,
    lastAttemptAt: s.last_attempt_at,
    lastError: s.last_error,
    lastErrorAt: s.last_error_at,
    consecutiveFailures: s.consecutive_failures,
    clockOffsetMs: s.clock_offset_ms,
    halted: s.halted,
  };
}
