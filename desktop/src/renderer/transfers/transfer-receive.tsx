import { lineDiscrepancy, type Pack } from '@bazaar/shared';
import { useState } from 'react';
import type { TransferCounterView } from '../../core/transfers/transfers.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';
import { packQuantity } from '../ui/pack-quantity';
import { useExclusive } from '../ui/use-exclusive';
import { useWindowKeys } from '../ui/use-window-keys';
import { receivePlan, type ReceiveEntry, type ReceivePlan } from './receive-plan';
import { differenceText, transferStatusWord } from './transfer-words';

interface Props {
  view: TransferCounterView;
  packsOf: (productId: string) => readonly Pack[];
  onReceived: (message: string) => void;
}

/**
 * Count a transfer in at the receiving counter, line by line: good and damaged units per line,
 * the difference from what was sent shown as it is typed, and a confirmation naming every line
 * that will be short, over or damaged before anything is saved.
 */
export function ReceiveForm({ view, packsOf, onReceived }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const tr = view.transfer;
  const [entries, setEntries] = useState<Record<string, ReceiveEntry>>({});
  const [close, setClose] = useState(false);
  const [confirming, setConfirming] = useState<ReceivePlan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const plan = receivePlan(tr, entries, packsOf, close, i18n);

  const set = (productId: string, field: keyof ReceiveEntry, value: string) => {
    setConfirming(null);
    setProblem(null);
    setEntries((e) => ({ ...e, [productId]: { good: '', damaged: '', ...e[productId], [field]: value } }));
  };

  const save = async (p: ReceivePlan) => {
    setSaving(true);
    try {
      const out = await api.receiveTransfer({ transfer: tr.id, lines: p.lines, close });
      const status = transferStatusWord(i18n, out.transfer.status);
      onReceived(t(p.differences.length ? 'transfers.receive.doneDiff' : 'transfers.receive.done', { number: out.transfer.number, status }));
    } catch (err) {
      setProblem(t('common.nothingSaved', { error: asApiError(err).message }));
    } finally {
      setSaving(false);
    }
  };

  const submit = useExclusive(async () => {
    if (confirming) return save(confirming);
    if (Object.keys(plan.errors).length > 0) return;
    if (plan.lines.length === 0 && !close) {
      setProblem(t('transfers.receive.nothing'));
      return;
    }
    if (plan.differences.length > 0) {
      setConfirming(plan);
      return;
    }
    await save(plan);
  });

  useWindowKeys((e) => {
    if (e.key === 'F9') {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && confirming) {
      e.preventDefault();
      setConfirming(null);
    }
  });

  return (
    <div className="stack">
      <p className="muted">{t('transfers.receive.intro')}</p>
      <table className="table" data-testid="receive-lines">
        <thead>
          <tr>
            <th>{t('common.product')}</th>
            <th className="num">{t('transfers.col.sent')}</th>
            <th className="num">{t('transfers.col.good')}</th>
            <th className="num">{t('transfers.col.damaged')}</th>
            <th>{t('transfers.col.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {tr.lines.map((l) => {
            const packs = packsOf(l.productId);
            const counted = l.qtyReceived !== null;
            const pending = plan.differences.find((d) => d.line.productId === l.productId);
            const typed = plan.lines.find((x) => x.product === l.productId);
            const e = entries[l.productId] ?? { good: '', damaged: '' };
            const diff = counted ? lineDiscrepancy(tr, l) : pending?.difference;
            return (
              <tr key={l.productId}>
                <td>
                  <bdi className="cell-strong">{l.name}</bdi>
                  <bdi className="cell-sub mono">{l.sku}</bdi>
                </td>
                <td className="num"><bdi>{packQuantity(i18n, l.qtySent, l.unit, packs)}</bdi></td>
                {counted ? (
                  <>
                    <td className="num"><bdi>{packQuantity(i18n, l.qtyReceived ?? 0, l.unit, packs)}</bdi></td>
                    <td className="num"><bdi>{l.qtyDamaged ? packQuantity(i18n, l.qtyDamaged, l.unit, packs) : '—'}</bdi></td>
                  </>
                ) : (
                  <>
                    <td className="num">
                      <input className="input qty-input num" aria-label={t('transfers.qty.goodOf', { name: l.name })} aria-invalid={plan.errors[l.productId] ? 'true' : undefined} value={e.good} onChange={(ev) => set(l.productId, 'good', ev.target.value)} />
                      {plan.errors[l.productId] && <span className="field-error cell-sub">{plan.errors[l.productId]}</span>}
                    </td>
                    <td className="num">
                      <input className="input qty-input num" aria-label={t('transfers.qty.damagedOf', { name: l.name })} value={e.damaged} onChange={(ev) => set(l.productId, 'damaged', ev.target.value)} />
                    </td>
                  </>
                )}
                <td className={diff && diff.short + diff.over + diff.damaged > 0 ? 'qty-out cell-strong' : 'muted'} data-testid={`difference-${l.sku}`}>
                  {diff ? differenceText(i18n, diff, l.unit, packs) : typed ? t('transfers.diff.none') : t('transfers.detail.notCounted')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="row">
        <input type="checkbox" checked={close} onChange={(e) => { setClose(e.target.checked); setConfirming(null); }} />
        {t('transfers.receive.close')}
      </label>
      {problem && <Notice kind="error">{problem}</Notice>}
      {confirming ? (
        <div className="stack" data-testid="receive-confirm">
          <Notice kind="warn">
            <div>
              <strong>{t('transfers.receive.confirmTitle')}</strong>
              <ul className="confirm-list">
                {confirming.differences.map(({ line, difference }) => (
                  <li key={line.productId}>{t('transfers.diff.line', { name: line.name, difference: differenceText(i18n, difference, line.unit, packsOf(line.productId)) })}</li>
                ))}
              </ul>
              {t('transfers.receive.confirmHint')}
            </div>
          </Notice>
          <div className="row">
            <button className="btn btn-primary" disabled={saving} onClick={() => void submit()}>
              {saving ? t('common.saving') : t('transfers.receive.confirm')} <kbd>F9</kbd>
            </button>
            <button className="btn" onClick={() => setConfirming(null)}>
              {t('transfers.receive.back')} <kbd>Esc</kbd>
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button className="btn btn-primary" disabled={saving} onClick={() => void submit()}>
            {saving ? t('common.saving') : t('transfers.receive.button')} <kbd>F9</kbd>
          </button>
          <span className="muted">{t('transfers.qty.hint')}</span>
        </div>
      )}
    </div>
  );
}
