import { useI18n } from '../i18n/i18n-context';
import { useSync } from './sync-context';
import { syncLabel } from './sync-words';

/** Always in the top bar: is the hub reachable, and how much is waiting to go. */
export function SyncIndicator({ onOpen }: { onOpen: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { status, syncing } = useSync();
  const pending = status?.pendingMovements ?? 0;
  return (
    <button
      className="sync-pill"
      data-testid="sync-indicator"
      data-state={status?.state ?? 'unknown'}
      data-pending={pending}
      onClick={onOpen}
      title={t('sync.pill.title')}
    >
      <span className="dot" aria-hidden="true" />
      <span>{syncing ? t('sync.pill.syncing') : syncLabel(i18n, status)}</span>
      {status && status.state !== 'standalone' && (
        <span className="pending" aria-label={t('sync.pill.waiting', { count: pending })}>
          {t('sync.pill.pending', { count: pending })}
        </span>
      )}
    </button>
  );
}
