import type { StockStatus } from '@bazaar/shared';

const statusLabel: Record<StockStatus, string> = { ok: 'In stock', low: 'Low', out: 'Out' };

export function StatusBadge({ status }: { status: StockStatus }) {
  return <span className={`badge badge-${status}`}>{statusLabel[status]}</span>;
}

export function Tag({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'info' }) {
  return <span className={`badge badge-tone-${tone}`}>{children}</span>;
}
