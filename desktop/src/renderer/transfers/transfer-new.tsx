import type { TransferStore } from '@bazaar/shared';
import { useEffect, useRef, useState } from 'react';
import type { ProductView } from '../../core/core.api';
import type { TransferCounterView } from '../../core/transfers/transfers.api';
import { useApi } from '../api/api-context';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { Options } from '../ui/options';
import { packQuantity, typedLineQuantity } from '../ui/pack-quantity';
import { LineEditor, RemoveLineCell, useLineSave } from '../ui/line-editor';
import type { PickerHandle } from '../ui/product-picker';

interface Row {
  product: ProductView;
  text: string;
}

interface Props {
  stores: TransferStore[];
  onSaved: (view: TransferCounterView, message: string) => void;
}

/** A draft made at the sending counter: the store it goes to by name, lines by scan or search. */
export function NewTransfer({ stores, onSaved }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const picker = useRef<PickerHandle>(null);
  const [focusRow, setFocusRow] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusRow) document.getElementById(`transfer-qty-${focusRow.id}`)?.focus();
  }, [focusRow]);

  const add = (p: ProductView, qtyText: string | null) => {
    setRows((rs) => (rs.some((r) => r.product.id === p.id) ? rs : [...rs, { product: p, text: qtyText ?? '' }]));
    setFocusRow({ id: p.id });
  };

  const saver = useLineSave(picker, setErrors, () => {
    const problems: Record<string, string> = {};
    if (!to) problems.to = t('transfers.new.pickStore');
    if (rows.length === 0) problems.lines = t('transfers.new.noLines');
    const lines: { product: string; qty: number }[] = [];
    for (const r of rows) {
      const q = typedLineQuantity(r.text, r.product.unit, r.product.packs, i18n);
      if (q === null) problems[r.product.id] = t('qty.enter');
      else if ('error' in q) problems[r.product.id] = q.error;
      else lines.push({ product: r.product.id, qty: q.qty });
    }
    const send = async () => {
      const view = await api.createTransfer({ to, lines, note: note.trim() || undefined });
      const name = stores.find((s) => s.id === to)?.name ?? '';
      onSaved(view, t('transfers.new.saved', { number: view.transfer.number, to: name }));
    };
    return { problems, send };
  });

  if (stores.length === 0) return <Notice kind="info">{t('transfers.new.noStores')}</Notice>;

  return (
    <div className="card card-pad stack" data-testid="transfer-new">
      <p className="muted">{t('transfers.new.intro')}</p>
      <div className="form-grid">
        <Field id="transfer-to" label={t('transfers.new.to')} error={errors.to}>
          <select id="transfer-to" className="select" value={to} aria-invalid={errors.to ? 'true' : undefined} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('common.none')}</option>
            <Options items={stores} value={(s) => s.id} label={(s) => t('transfers.new.store', { name: s.name, code: s.code })} />
          </select>
        </Field>
        <Field id="transfer-note" label={t('common.note')}>
          <input id="transfer-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      <LineEditor picker={picker} id="transfer-product" addLabel={t('transfers.new.addLine')} onPick={add} formError={errors.form} saver={saver} saveLabel={t('transfers.new.save')}
        empty={rows.length === 0 ? (errors.lines ?? t('transfers.new.empty')) : null}>
        <table className="table" data-testid="transfer-new-lines">
          <thead>
            <tr>
              <th>{t('common.product')}</th>
              <th className="num">{t('transfers.col.qty')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.product.id}>
                <td>
                  <bdi className="cell-strong">{r.product.name}</bdi>
                  <bdi className="cell-sub">{t('transfers.new.inStock', { qty: packQuantity(i18n, r.product.qty, r.product.unit, r.product.packs) })}</bdi>
                </td>
                <td className="num">
                  <input
                    id={`transfer-qty-${r.product.id}`}
                    className="input qty-input num"
                    aria-label={t('transfers.qty.of', { name: r.product.name })}
                    aria-invalid={errors[r.product.id] ? 'true' : undefined}
                    value={r.text}
                    onChange={(e) => setRows((rs) => rs.map((x) => (x.product.id === r.product.id ? { ...x, text: e.target.value } : x)))}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        picker.current?.focus();
                      }
                    }}
                  />
                  {errors[r.product.id] && <span className="field-error cell-sub">{errors[r.product.id]}</span>}
                </td>
                <RemoveLineCell label={t('transfers.new.removeLine', { name: r.product.name })} onRemove={() => setRows((rs) => rs.filter((x) => x.product.id !== r.product.id))} />
              </tr>
            ))}
          </tbody>
        </table>
      </LineEditor>
    </div>
  );
}
