import type { MovementKind } from '@bazaar/shared';
import { formatMoney, formatQuantity } from '@bazaar/shared';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { dateTime, signedQuantity } from '../ui/format';
import { kindLabel } from '../history/kind-words';

/** The last few movements of one kind, so the user sees that what they saved is there. */
export function RecentActivity({ kind, title, version }: { kind: MovementKind; title: string; version: number }) {
  const api = useApi();
  const q = useQuery(() => api.history({ kind, limit: 8 }), [api, kind, version]);
  const items = q.data?.items ?? [];
  return (
    <aside className="card" aria-label={title}>
      <div className="card-head">
        <h2>{title}</h2>
      </div>
      {items.length === 0 ? (
        <div className="empty">{q.loading ? 'Loading…' : `No ${kindLabel(kind).toLowerCase()} yet.`}</div>
      ) : (
        <ul className="activity">
          {items.map((m) => (
            <li key={m.id}>
              <div className="activity-main">
                <strong>{m.productName}</strong>
                <span className={`num ${m.qty < 0 ? 'qty-out' : 'qty-ok'}`}>
                  {kind === 'COUNT' ? `= ${formatQuantity(m.qty, m.unit)}` : signedQuantity(m.qty, m.unit)}
                </span>
              </div>
              <div className="activity-sub muted">
                {dateTime(m.occurredAt)}
                {m.reason ? ` · ${m.reason}` : ''}
                {m.note ? ` · ${m.note}` : ''}
                {m.unitCostPaise !== null ? ` · cost ${formatMoney(m.unitCostPaise)}` : ''}
                {m.syncStatus === 'pending' ? ' · not synced yet' : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
