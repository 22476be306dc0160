import type { SyncStatusView } from '../../core/core.api';

/** Short label for the header pill. */
export function syncLabel(s: SyncStatusView | null): string {
  if (!s) return 'Checking…';
  switch (s.state) {
    case 'standalone':
      return 'Stand-alone';
    case 'online':
      return 'Online';
    case 'offline':
      return 'Offline';
    case 'never':
      return 'Not synced yet';
    case 'halted':
      return 'Sync stopped';
  }
}

/** One sentence a shopkeeper can act on. */
export function syncExplanation(s: SyncStatusView): string {
  switch (s.state) {
    case 'standalone':
      return 'This counter is not connected to a hub. Everything is saved on this computer. Enroll it in Settings to send sales to head office.';
    case 'online':
      return s.pendingMovements === 0
        ? 'Connected to the hub. Every sale and stock change has reached head office.'
        : `Connected to the hub. ${s.pendingMovements} change(s) are on their way.`;
    case 'offline':
      return `The hub cannot be reached right now. Keep selling: ${s.pendingMovements} change(s) are saved on this computer and will be sent automatically when the connection returns.`;
    case 'never':
      return 'Enrolled, but this counter has not talked to the hub yet.';
    case 'halted':
      return `Sync has stopped and needs attention: ${s.halted ?? 'see the error below'}. Sales are still saved on this computer.`;
  }
}

/** Translate transport errors into plain words; keep the technical text for the details line. */
export function plainSyncError(message: string): string {
  const m = message.toLowerCase();
  if (m.includes('econnrefused') || m.includes('fetch failed') || m.includes('connect')) {
    return 'Could not connect to the hub (it may be down, or this computer is offline).';
  }
  if (m.includes('timeout') || m.includes('timed out') || m.includes('abort')) return 'The hub took too long to answer.';
  if (m.includes('enotfound') || m.includes('getaddrinfo')) return 'The hub address could not be found. Check the hub URL in Settings.';
  if (m.includes('401') || m.includes('unauth') || m.includes('token')) {
    return 'The hub did not accept this counter’s token. Enroll the counter again in Settings.';
  }
  if (m.includes('403') || m.includes('revoked') || m.includes('forbidden')) return 'Head office has revoked this counter. Enroll it again.';
  return message;
}

export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(iso).toLocaleString();
}
