import type { TransferCounterView } from '../../core/transfers/transfers.api';
import { useI18n } from '../i18n/i18n-context';
import { shortWhen, storeName, transferStatusTone, transferStatusWord } from './transfer-words';

interface Props {
  views: TransferCounterView[];
  direction: 'in' | 'out';
  selected: string | null;
  onSelect: (id: string) => void;
}

/** Incoming or outgoing transfers, newest first; a row opens the transfer. */
export function TransferList({ views, direction, selected, onSelect }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  if (views.length === 0) return <div className="card empty">{t(direction === 'in' ? 'transfers.noIn' : 'transfers.noOut')}</div>;
  return (
    <div className="card table-wrap">
      <table className="table" data-testid={`transfers-${direction}`}>
        <thead>
          <tr>
            <th>{t('transfers.col.number')}</th>
            <th>{t(direction === 'in' ? 'transfers.col.from' : 'transfers.col.to')}</th>
            <th>{t('common.status')}</th>
            <th className="num">{t('transfers.col.lines')}</th>
            <th>{t('transfers.col.made')}</th>
            <th>{t('transfers.col.dispatched')}</th>
          </tr>
        </thead>
        <tbody>
          {views.map(({ transfer: tr, otherStore }) => (
            <tr key={tr.id} aria-selected={tr.id === selected} className={tr.id === selected ? 'row-selected' : undefined}>
              <td>
                <button className="btn btn-ghost btn-sm mono" aria-label={t('transfers.open', { number: tr.number })} onClick={() => onSelect(tr.id)}>
                  <bdi>{tr.number}</bdi>
                </button>
              </td>
              <td>
                <bdi className="cell-strong">{storeName(otherStore, t('common.store'))}</bdi>
              </td>
              <td>
                <span className={`badge badge-${transferStatusTone(tr.status)}`}>{transferStatusWord(i18n, tr.status)}</span>
              </td>
              <td className="num">{tr.lines.length}</td>
              <td className="nowrap">{shortWhen(i18n, tr.createdAt)}</td>
              <td className="nowrap">{tr.dispatchedAt ? shortWhen(i18n, tr.dispatchedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
