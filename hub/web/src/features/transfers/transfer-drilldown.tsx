import { useQuery } from '@tanstack/react-query';
import type { TransferView } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { Tag } from '../../components/badges';
import { Dialog } from '../../components/dialog';
import { fmtDateTime } from '../../components/format';
import { useI18n } from '../../i18n/i18n-context';
import { transferStatusLabel, transferStatusTone } from './transfer-labels';
import { transfersApi } from './transfers.api';
import { useStoreZone } from '../shared/store-time';

/** One transfer: who made, sent and counted it in, and each line sent against received, with what differs. */
export function TransferDrilldown({ transferId, onClose }: { transferId: string | null; onClose(): void }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['transfers', 'one', transferId], queryFn: () => transfersApi.get(transferId!), enabled: !!transferId });
  return (
    <Dialog title={q.data ? t('web.transfers.title', { number: q.data.number }) : t('web.transfers.transfer')} open={!!transferId} onClose={onClose} wide>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      {q.isLoading && <p className="muted">…</p>}
      {q.data && (
        <div className="drilldown" data-testid="transfer-drilldown">
          <Facts v={q.data} />
          <Lines v={q.data} />
          {q.data.note && <p className="muted">{q.data.note}</p>}
        </div>
      )}
    </Dialog>
  );
}

function Facts({ v }: { v: TransferView }) {
  const i18n = useI18n();
  const { t } = i18n;
  // Each step on the clock of the store where it happened: planned and sent from one, counted in at the other.
  const zones = { from: useStoreZone(v.fromStore.id), to: useStoreZone(v.toStore.id) };
  const who = (at: string | null, by: { name: string | null } | null, where: 'from' | 'to' = 'from') =>
    at ? t('web.transfers.atBy', { time: fmtDateTime(at, i18n, zones[where]), name: by?.name ?? t('web.transfers.someone') }) : '—';
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="facts">
      {fact(t('web.transfers.fromStore'), <bdi>{`${v.fromStore.name} (${v.fromStore.code})`}</bdi>)}
      {fact(t('web.transfers.toStore'), <bdi>{`${v.toStore.name} (${v.toStore.code})`}</bdi>)}
      {fact(t('common.status'), <Tag tone={transferStatusTone[v.status]}>{transferStatusLabel(i18n, v.status)}</Tag>)}
      {fact(t('web.transfers.madeAt'), v.origin === 'hub' ? t('web.transfers.headOffice') : t('web.transfers.counter', { code: v.counterCode }))}
      {fact(t('web.transfers.created'), who(v.createdAt, v.createdBy))}
      {fact(t('web.transfers.dispatched'), who(v.dispatchedAt, v.dispatchedBy))}
      {fact(t('web.transfers.received'), who(v.receivedAt, v.receivedBy, 'to'))}
      {v.closedAt && fact(t('web.transfers.closed'), who(v.closedAt, v.closedBy, 'to'))}
    </dl>
  );
}

function Lines({ v }: { v: TransferView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const q = (n: number | null, unit: TransferView['lines'][number]['unit']) => (n === null ? '—' : i18n.qty(n, unit));
  return (
    <div className="table-scroll">
      <table className="data-table compact" data-testid="transfer-lines">
        <caption>{t('web.transfers.lines')}</caption>
        <thead>
          <tr>
            <th>{t('common.product')}</th>
            <th className="num">{v.dispatchedAt ? t('web.transfers.sent') : t('web.transfers.planned')}</th>
            <th className="num">{t('web.transfers.receivedQty')}</th>
            <th className="num">{t('web.transfers.damaged')}</th>
            <th className="num">{t('web.transfers.inTransit')}</th>
            <th>{t('web.transfers.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {v.lines.map((l) => {
            const d = l.discrepancy;
            const notes = [
              d.short ? t('web.transfers.short', { qty: i18n.qty(d.short, l.unit) }) : null,
              d.over ? t('web.transfers.over', { qty: i18n.qty(d.over, l.unit) }) : null,
              d.damaged ? t('web.transfers.damagedQty', { qty: i18n.qty(d.damaged, l.unit) }) : null,
            ].filter((x): x is string => x !== null);
            return (
              <tr key={l.lineNo}>
                <td>
                  <bdi>{l.name}</bdi> <span className="muted sku">{l.sku}</span>
                </td>
                <td className="num">{i18n.qty(l.qtySent, l.unit)}</td>
                <td className="num">{q(l.qtyReceived, l.unit)}</td>
                <td className="num">{l.qtyDamaged ? i18n.qty(l.qtyDamaged, l.unit) : '—'}</td>
                <td className="num">{l.inTransit ? i18n.qty(l.inTransit, l.unit) : '—'}</td>
                <td>{notes.length ? notes.flatMap((n, i) => [i ? ' ' : null, <Tag key={n} tone="warn">{n}</Tag>]) : l.qtyReceived !== null ? <Tag tone="good">{t('web.transfers.matches')}</Tag> : <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
