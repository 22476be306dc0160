import type { Pack } from '@bazaar/shared';
import { useState } from 'react';
import type { TransferCounterView } from '../../core/transfers/transfers.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';
import { asTypedQuantity, packQuantity, typedLineQuantity } from '../ui/pack-quantity';
import { useExclusive } from '../ui/use-exclusive';
import { useWindowKeys } from '../ui/use-window-keys';

interface Props {
  view: TransferCounterView;
  to: string;
  packsOf: (productId: string) => readonly Pack[];
  onDispatched: (message: string) => void;
}

/** A draft at the sending counter: what goes on the vehicle (as planned, or less, or more), then dispatch. */
export function DispatchForm({ view, to, packsOf, onDispatched }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const tr = view.transfer;
  // What was typed over the plan; a line not typed in shows (and sends) the plan, in its packs once they are known.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const textOf = (l: (typeof tr.lines)[number]) => typed[l.productId] ?? asTypedQuantity(l.qtySent, l.unit, packsOf(l.productId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const dispatch = useExclusive(async () => {
    const problems: Record<string, string> = {};
    const lines: { product: string; qty: number }[] = [];
    for (const l of tr.lines) {
      const r = typedLineQuantity(textOf(l), l.unit, packsOf(l.productId), i18n, { allowZero: true });
      if (r === null) lines.push({ product: l.productId, qty: 0 });
      else if ('error' in r) problems[l.productId] = r.error;
      else if (r.qty !== l.qtySent) lines.push({ product: l.productId, qty: r.qty });
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      const out = await api.dispatchTransfer({ transfer: tr.id, lines });
      onDispatched(t('transfers.dispatch.done', { number: out.transfer.number, to }));
    } catch (err) {
      setFailure(t('common.nothingSaved', { error: asApiError(err).message }));
    } finally {
      setSaving(false);
    }
  });

  useWindowKeys((e) => {
    if (e.key === 'F9') {
      e.preventDefault();
      void dispatch();
    }
  });

  return (
    <div className="stack">
      <p className="muted">{t('transfers.dispatch.intro')}</p>
      <table className="table" data-testid="dispatch-lines">
        <thead>
          <tr>
            <th>{t('common.product')}</th>
            <th className="num">{t('transfers.col.planned')}</th>
            <th className="num">{t('transfers.col.toSend')}</th>
          </tr>
        </thead>
        <tbody>
          {tr.lines.map((l) => (
            <tr key={l.productId}>
              <td>
                <bdi className="cell-strong">{l.name}</bdi>
                <bdi className="cell-sub mono">{l.sku}</bdi>
              </td>
              <td className="num"><bdi>{packQuantity(i18n, l.qtySent, l.unit, packsOf(l.productId))}</bdi></td>
              <td className="num">
                <input
                  className="input qty-input num"
                  aria-label={t('transfers.qty.sendOf', { name: l.name })}
                  aria-invalid={errors[l.productId] ? 'true' : undefined}
                  value={textOf(l)}
                  onChange={(e) => setTyped((x) => ({ ...x, [l.productId]: e.target.value }))}
                />
                {errors[l.productId] && <span className="field-error cell-sub">{errors[l.productId]}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="row">
        <button className="btn btn-primary" disabled={saving} onClick={() => void dispatch()}>
          {saving ? t('common.saving') : t('transfers.dispatch.button', { to })} <kbd>F9</kbd>
        </button>
        <span className="muted">{t('transfers.qty.hint')}</span>
      </div>
    </div>
  );
}
