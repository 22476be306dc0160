import { useQuery } from '@tanstack/react-query';
import { movementsApi } from '../../api/endpoints';
import { errorMessage } from '../../api/api-error';
import { Tag } from '../../components/badges';
import { fmtAgo } from '../../components/format';
import { navigate } from '../../app/router';
import { ProductName, StoreName, useProductUnit } from '../shared/lookups';
import { kindLabel, kindTone } from '../movements/movement-kinds';
import type { Movement } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';

function Qty({ m }: { m: Movement }) {
  const unit = useProductUnit(m.productId);
  const i18n = useI18n();
  return <bdi className={m.qty < 0 ? 'neg' : 'pos'}>{unit ? i18n.qty(m.qty, unit) : m.qty}</bdi>;
}

/** The latest stock movements across the user's stores: the "what just happened" feed. */
export function RecentActivity() {
  const i18n = useI18n();
  const { t } = i18n;
  const recent = useQuery({ queryKey: ['movements', 'recent'], queryFn: () => movementsApi.list({ limit: 8 }), refetchInterval: 30_000 });
  return (
    <div className="card chart-card">
      <div className="chart-head">
        <h3>{t('web.recent.title')}</h3>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => navigate('/movements')}>
          {t('web.recent.all')}
        </button>
      </div>
      {recent.error ? <p className="form-error">{errorMessage(recent.error)}</p> : null}
      <ol className="feed" data-testid="recent-activity">
        {(recent.data?.items ?? []).map((m) => (
          <li key={m.id}>
            <Tag tone={kindTone[m.kind]}>{kindLabel(i18n, m.kind)}</Tag>
            <span className="feed-main">
              <ProductName id={m.productId} /> · <StoreName id={m.storeId} />
            </span>
            <Qty m={m} />
            <small className="muted">{fmtAgo(m.receivedAt, Date.now(), i18n)}</small>
          </li>
        ))}
        {recent.data && recent.data.items.length === 0 && <li className="muted">{t('web.recent.none')}</li>}
      </ol>
    </div>
  );
}
