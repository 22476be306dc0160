import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { SyncRunResult, SyncStatusView } from '../../core/core.api';
import type { ApiError } from '../../bridge/api-result';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';

interface SyncState {
  status: SyncStatusView | null;
  /** Set when the status itself could not be read (the local service, not the hub). */
  statusError: ApiError | null;
  syncing: boolean;
  lastRun: SyncRunResult | null;
  runError: ApiError | null;
  refresh: () => void;
  syncNow: () => Promise<void>;
}

const SyncContext = createContext<SyncState | null>(null);

// The status is local (a SQLite read), so polling it is cheap; the hub is contacted by the
// background sync loop in the host process, never by this poll.
const POLL_MS = 3000;

export function SyncProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [statusError, setStatusError] = useState<ApiError | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [lastRun, setLastRun] = useState<SyncRunResult | null>(null);
  const [runError, setRunError] = useState<ApiError | null>(null);
  const alive = useRef(true);

  const refresh = useCallback(() => {
    api.syncStatus().then(
      (s) => {
        if (!alive.current) return;
        setStatus(s);
        setStatusError(null);
      },
      (err: unknown) => alive.current && setStatusError(asApiError(err)),
    );
  }, [api]);

  useEffect(() => {
    alive.current = true;
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    return () => {
      alive.current = false;
      window.clearInterval(timer);
    };
  }, [refresh]);

  // Each successful sync may bring the hub's currency or default language: the screens follow.
  const { setHubLocale } = useI18n();
  const lastSuccessAt = status?.lastSuccessAt ?? null;
  useEffect(() => {
    if (!lastSuccessAt) return;
    api.billSettings().then(
      (s) => alive.current && setHubLocale({ currency: s.currency, defaultLocale: s.defaultLocale, timeZone: s.timeZone }),
      () => undefined,
    );
  }, [api, lastSuccessAt, setHubLocale]);

  const syncNow = useCallback(async () => {
    setSyncing(true);
    setRunError(null);
    try {
      const run = await api.syncNow();
      setLastRun(run);
      setStatus(run.status);
    } catch (err) {
      setRunError(asApiError(err));
      refresh();
    } finally {
      setSyncing(false);
    }
  }, [api, refresh]);

  return (
    <SyncContext.Provider value={{ status, statusError, syncing, lastRun, runError, refresh, syncNow }}>
      {children}
    </SyncContext.Provider>
  );
}

export function useSync(): SyncState {
  const s = useContext(SyncContext);
  if (!s) throw new Error('useSync outside SyncProvider');
  return s;
}
