import { movementKinds, movementSyncWord, type MovementKind } from '@bazaar/shared';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { dateTime, signedQuantity } from '../ui/format';
import { useSync } from '../sync/sync-context';
import { HistoryList, usePagedHistory } from './history-list';
import { kindLabel } from './kind-words';
import { useI18n } from '../i18n/i18n-context';
import { Options } from '../ui/options';

/** Local calendar day → ISO bounds, so "from 3 March" means the shop's 3 March. */
function dayStart(d: string): string | undefined {
  return d ? new Date(`${d}T00:00:00`).toISOString() : undefined;
}
function dayEnd(d: string): string | undefined {
  return d ? new Date(`${d}T23:59:59.999`).toISOString() : undefined;
}

export function MovementsTab() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const standalone = useSync().status?.state === 'standalone';
  const [kind, setKind] = useState<MovementKind | ''>('');
  const [product, setProduct] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const list = usePagedHistory(
    (cursor) => api.history({ kind: kind || undefined, product: product.trim() || undefined, from: dayStart(from), to: dayEnd(to), limit: 50, cursor }),
    [api, kind, product, from, to],
    (err) => {
      const e = asApiError(err);
      return e.code === 'NOT_FOUND' ? t('history.noProduct', { code: product.trim() }) : e.message;
    },
    { clearOnError: true },
  );

  return (
    <HistoryList
      list={list}
      filters={
        <>
          <div className="field">
            <label htmlFor="h-kind">{t('common.kind')}</label>
            <select id="h-kind" className="select" value={kind} onChange={(e) => setKind(e.target.value as MovementKind | '')}>
              <option value="">{t('history.allKinds')}</option>
              <Options items={movementKinds} label={(k) => kindLabel(i18n, k)} />
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="h-product">{t('common.product')}</label>
            <input id="h-product" className="input" placeholder={t('history.barcodeOrSku')} value={product} onChange={(e) => setProduct(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="h-from">{t('common.from')}</label>
            <input id="h-from" type="date" className="input" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="h-to">{t('common.to')}</label>
            <input id="h-to" type="date" className="input" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </>
      }
      empty={list.loading ? t('common.loading') : t('history.noMovements')}
      testId="movements-table"
      headers={
        <>
          <th>{t('common.when')}</th>
          <th>{t('common.kind')}</th>
          <th>{t('common.product')}</th>
          <th className="num">{t('common.quantity')}</th>
          <th className="num">{t('history.priceCost')}</th>
          <th>{t('history.reasonNote')}</th>
          <th>{t('common.hub')}</th>
        </>
      }
      row={(m) => (
        <tr key={m.id}>
          <td className="muted">{dateTime(i18n, m.occurredAt)}</td>
          <td>
            <span className={`kind kind-${m.kind}`}>{kindLabel(i18n, m.kind)}</span>
          </td>
          <td>
            <bdi className="cell-strong">{m.productName}</bdi>
            <bdi className="cell-sub mono">{m.sku}</bdi>
          </td>
          <td className={`num cell-strong ${m.kind === 'COUNT' ? '' : m.qty < 0 ? 'qty-out' : 'qty-ok'}`}>
            <bdi>{m.kind === 'COUNT' ? `= ${i18n.qty(m.qty, m.unit)}` : signedQuantity(i18n, m.qty, m.unit)}</bdi>
          </td>
          <td className="num muted">
            {m.unitPriceMinor !== null ? i18n.money(m.unitPriceMinor) : m.unitCostMinor !== null ? i18n.money(m.unitCostMinor) : '—'}
          </td>
          <td>{[m.reason, m.note].filter(Boolean).join(' · ') || <span className="muted">—</span>}</td>
          <td>
            {standalone && m.syncStatus === 'pending' ? (
              <span className="badge badge-neutral">{t('history.local')}</span>
            ) : (
              <span className={`badge ${m.syncStatus === 'rejected' ? 'badge-out' : m.syncStatus === 'pending' ? 'badge-low' : 'badge-ok'}`} title={m.syncReason ?? undefined}>
                {movementSyncWord(i18n, m.syncStatus)}
              </span>
            )}
          </td>
        </tr>
      )}
    />
  );
}
