import type { Translator } from '@bazaar/shared';
import type { SyncStatusView } from '../../core/core.api';

/** Short label for the header pill. */
export function syncLabel(t: Translator, s: SyncStatusView | null): string {
  return t.t(s ? `sync.state.${s.state}` : 'sync.state.checking');
}

/**
 * The store line under the shop's name: stand-alone, or how things stand with the hub right
 * now (from the last attempt, never from the fact of being enrolled) and when it last synced.
 */
export function hubLine(t: Translator, enrolled: boolean, s: SyncStatusView | null): string {
  if (!enrolled) return t.t('counter.app.standAlone');
  if (!s) return t.t('counter.app.hubChecking');
  if (s.state === 'online') return t.t('counter.app.connected');
  if (s.state === 'never') return t.t('counter.app.notTried');
  const state = t.t(s.state === 'halted' ? 'counter.app.hubHalted' : 'counter.app.hubOffline');
  return s.lastSuccessAt ? t.t('counter.app.lastSynced', { state, time: t.dateTime(s.lastSuccessAt) }) : t.t('counter.app.neverSynced', { state });
}

/** One sentence a shopkeeper can act on. */
export function syncExplanation(t: Translator, s: SyncStatusView): string {
  const count = s.pendingMovements;
  switch (s.state) {
    case 'standalone':
      return t.t('sync.explain.standalone');
    case 'online':
      return count === 0 ? t.t('sync.explain.onlineDone') : t.t('sync.explain.onlinePending', { count });
    case 'offline':
      return t.t('sync.explain.offline', { count });
    case 'never':
      return t.t('sync.explain.never');
    case 'halted':
      return t.t('sync.explain.halted', { reason: s.halted ?? t.t('sync.explain.seeBelow') });
  }
}

/** Translate transport errors into plain words; keep the technical text for the details line. */
export function plainSyncError(t: Translator, message: string): string {
  const m = message.toLowerCase();
  if (m.includes('econnrefused') || m.includes('fetch failed') || m.includes('connect')) return t.t('sync.error.connect');
  if (m.includes('timeout') || m.includes('timed out') || m.includes('abort')) return t.t('sync.error.timeout');
  if (m.includes('enotfound') || m.includes('getaddrinfo')) return t.t('sync.error.notFound');
  if (m.includes('401') || m.includes('unauth') || m.includes('token')) return t.t('sync.error.token');
  if (m.includes('403') || m.includes('revoked') || m.includes('forbidden')) return t.t('sync.error.revoked');
  return message;
}

export function relativeTime(t: Translator, iso: string | null, now = Date.now()): string {
  if (!iso) return t.t('sync.time.never');
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 10) return t.t('sync.time.justNow');
  if (s < 60) return t.t('sync.time.seconds', { n: s });
  const m = Math.round(s / 60);
  if (m < 60) return t.t('sync.time.minutes', { n: m });
  const h = Math.round(m / 60);
  if (h < 24) return t.t('sync.time.hours', { n: h });
  return t.dateTime(iso);
}
