import type { StockStatus } from '@bazaar/shared';

const words: Record<StockStatus, string> = { ok: 'In stock', low: 'Low', out: 'Out of stock' };

export function StatusBadge({ status }: { status: StockStatus }) {
  return <span className={`badge badge-${status}`}>{words[status]}</span>;
}
