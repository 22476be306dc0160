import { useSync } from './sync-context';
import { syncLabel } from './sync-words';

/** Always in the top bar: is the hub reachable, and how much is waiting to go. */
export function SyncIndicator({ onOpen }: { onOpen: () => void }) {
  const { status, syncing } = useSync();
  const pending = status?.pendingMovements ?? 0;
  return (
    <button
      className="sync-pill"
      data-testid="sync-indicator"
      data-state={status?.state ?? 'unknown'}
      data-pending={pending}
      onClick={onOpen}
      title="Sync status (F7)"
    >
      <span className="dot" aria-hidden="true" />
      <span>{syncing ? 'Syncing…' : syncLabel(status)}</span>
      {status && status.state !== 'standalone' && (
        <span className="pending" aria-label={`${pending} waiting to sync`}>
          {pending} pending
        </span>
      )}
    </button>
  );
}
