import type { MovementKind } from '@bazaar/shared';
import { useI18n } from '../i18n/i18n-context';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { dateTime, signedQuantity } from '../ui/format';
import { kindLabel } from '../history/kind-words';

/** The last few movements of one kind, so the user sees that what they saved is there. */
export function RecentActivity({ kind, title, version }: { kind: MovementKind; title: string; version: number }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const q = useQuery(() => api.history({ kind, limit: 8 }), [api, kind, version]);
  const items = q.data?.items ?? [];
  return (
    <aside className="card" aria-label={title}>
      <div className="card-head">
        <h2>{title}</h2>
      </div>
      {items.length === 0 ? (
        <div className="empty">{q.loading ? t('common.loading') : t('recent.none', { kind: kindLabel(i18n, kind).toLocaleLowerCase(i18n.locale) })}</div>
      ) : (
        <ul className="activity">
          {items.map((m) => (
            <li key={m.id}>
              <div className="activity-main">
                <strong>{m.productName}</strong>
                <span className={`num ${m.qty < 0 ? 'qty-out' : 'qty-ok'}`}>
                  <bdi>{kind === 'COUNT' ? `= ${i18n.qty(m.qty, m.unit)}` : signedQuantity(i18n, m.qty, m.unit)}</bdi>
                </span>
              </div>
              <div className="activity-sub muted">
                {dateTime(i18n, m.occurredAt)}
                {m.reason ? ` · ${m.reason}` : ''}
                {m.note ? ` · ${m.note}` : ''}
                {m.unitCostMinor !== null ? t('recent.cost', { cost: i18n.money(m.unitCostMinor) }) : ''}
                {m.syncStatus === 'pending' ? t('recent.notSynced') : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
