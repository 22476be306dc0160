import { isSettled, lineDiscrepancy } from '@bazaar/shared';
import type { TransferCounterView } from '../../core/transfers/transfers.api';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';
import { packQuantity } from '../ui/pack-quantity';
import { useProducts } from '../ui/use-products';
import { DispatchForm } from './transfer-dispatch';
import { ReceiveForm } from './transfer-receive';
import { differenceText, shortWhen, storeName } from './transfer-words';

interface Props {
  view: TransferCounterView;
  onChanged: (message: string) => void;
}

/** One transfer: who made and sent it, its lines, and what this counter can do with it now. */
export function TransferDetail({ view, onChanged }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const info = useQuery(() => api.info(), [api]);
  const tr = view.transfer;
  const products = useProducts(tr.lines.map((l) => l.productId));
  const packsOf = (id: string) => products.get(id)?.packs ?? [];
  const here = info.data?.storeName ?? t('common.store');
  const other = storeName(view.otherStore, t('common.store'));
  const [from, to] = view.direction === 'out' ? [here, other] : [other, here];
  const who = (p: { name: string | null } | null) => p?.name ?? t('transfers.detail.headOffice');
  const canDispatch = view.direction === 'out' && tr.status === 'draft';
  const canReceive = view.direction === 'in' && (tr.status === 'dispatched' || tr.status === 'partly_received');

  return (
    <section className="card card-pad stack" aria-labelledby="transfer-title" data-testid="transfer-detail">
      <div>
        <h2 id="transfer-title" className="section-title">
          {t('transfers.detail.title', { number: tr.number, from, to })}
        </h2>
        <div className="muted small">
          {t('transfers.detail.made', { when: shortWhen(i18n, tr.createdAt), who: tr.origin === 'hub' ? t('transfers.detail.headOffice') : who(tr.createdBy) })}
          {tr.dispatchedAt && <> · {t('transfers.detail.dispatched', { when: shortWhen(i18n, tr.dispatchedAt), who: who(tr.dispatchedBy) })}</>}
          {tr.receivedAt && <> · {t('transfers.detail.received', { when: shortWhen(i18n, tr.receivedAt), who: who(tr.receivedBy) })}</>}
        </div>
        {tr.note && <div className="muted small">{t('transfers.detail.note', { note: tr.note })}</div>}
      </div>
      {canDispatch ? (
        <DispatchForm view={view} to={to} packsOf={packsOf} onDispatched={onChanged} />
      ) : canReceive ? (
        <ReceiveForm view={view} packsOf={packsOf} onReceived={onChanged} />
      ) : (
        <>
          {view.direction === 'in' && tr.status === 'draft' && <Notice kind="info">{t('transfers.detail.waitSender', { from })}</Notice>}
          {view.direction === 'out' && (tr.status === 'dispatched' || tr.status === 'partly_received') && <Notice kind="info">{t('transfers.detail.waitReceiver', { to })}</Notice>}
          <table className="table" data-testid="transfer-lines">
            <thead>
              <tr>
                <th>{t('common.product')}</th>
                <th className="num">{t(tr.dispatchedAt ? 'transfers.col.sent' : 'transfers.col.planned')}</th>
                <th className="num">{t('transfers.col.good')}</th>
                <th className="num">{t('transfers.col.damaged')}</th>
                <th>{t('transfers.col.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {tr.lines.map((l) => {
                const d = lineDiscrepancy(tr, l);
                const settled = tr.dispatchedAt !== null && isSettled(tr, l);
                return (
                  <tr key={l.productId}>
                    <td>
                      <bdi className="cell-strong">{l.name}</bdi>
                      <bdi className="cell-sub mono">{l.sku}</bdi>
                    </td>
                    <td className="num"><bdi>{packQuantity(i18n, l.qtySent, l.unit, packsOf(l.productId))}</bdi></td>
                    <td className="num"><bdi>{l.qtyReceived === null ? '—' : packQuantity(i18n, l.qtyReceived, l.unit, packsOf(l.productId))}</bdi></td>
                    <td className="num"><bdi>{l.qtyDamaged ? packQuantity(i18n, l.qtyDamaged, l.unit, packsOf(l.productId)) : '—'}</bdi></td>
                    <td className={settled && d.short + d.over + d.damaged > 0 ? 'qty-out cell-strong' : 'muted'}>
                      {settled ? differenceText(i18n, d, l.unit, packsOf(l.productId)) : l.qtyReceived === null && tr.dispatchedAt ? t('transfers.detail.notCounted') : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
