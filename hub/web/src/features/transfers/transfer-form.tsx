import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseQuantity, type BaseUnit, type TransferView } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { productsApi } from '../../api/endpoints';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form/form-actions';
import { useI18n } from '../../i18n/i18n-context';
import { searchStores } from '../shared/lookups';
import { transfersApi } from './transfers.api';

interface Line {
  key: number;
  product: (PickOption & { unit: BaseUnit }) | null;
  qty: string;
}

/** Products by name or SKU, each with its base unit (the quantity is typed in its display units). */
async function searchProductsWithUnit(q: string): Promise<PickOption[]> {
  const page = await productsApi.list({ q, limit: 20, archived: 'false' });
  return page.items.map((p) => ({ id: p.id, label: p.name, sub: `${p.sku} · ${p.unit}` }));
}

/** Head office plans a transfer (a draft); the sending store's counter dispatches it, the other counts it in. */
export function TransferForm({ onDone, onCancel }: { onDone(v: TransferView): void; onCancel(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [from, setFrom] = useState<PickOption | null>(null);
  const [to, setTo] = useState<PickOption | null>(null);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Line[]>([{ key: 1, product: null, qty: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: transfersApi.create,
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: ['transfers'] });
      onDone(v);
    },
  });
  const setLine = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!from) errs.from = t('web.transfers.pickFrom');
    if (!to) errs.to = t('web.transfers.pickTo');
    else if (from && to.id === from.id) errs.to = t('web.transfers.otherStore');
    const out: { productId: string; qty: number }[] = [];
    const seen = new Set<string>();
    for (const l of lines) {
      if (!l.product && !l.qty.trim()) continue;
      if (!l.product) {
        errs[`p${l.key}`] = t('web.transfers.pickProduct');
        continue;
      }
      if (seen.has(l.product.id)) errs[`p${l.key}`] = t('web.transfers.productTwice');
      seen.add(l.product.id);
      try {
        const qty = parseQuantity(l.qty, l.product.unit);
        if (qty <= 0) errs[`q${l.key}`] = t('web.transfers.moreThanZero');
        else out.push({ productId: l.product.id, qty });
      } catch (err) {
        errs[`q${l.key}`] = errorMessage(err);
      }
    }
    if (!out.length && !Object.keys(errs).some((k) => k.startsWith('p') || k.startsWith('q'))) errs.lines = t('web.transfers.needLine');
    setErrors(errs);
    if (Object.keys(errs).length || !from || !to) return;
    save.mutate({ fromStoreId: from.id, toStoreId: to.id, lines: out, note: note.trim() || null });
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="transfer-form">
      <div className="form-grid">
        <Field label={t('web.transfers.fromStore')} error={errors.from}>
          {(id, d) => <EntityPicker id={id} kind="stores" value={from} onChange={setFrom} search={searchStores} describedBy={d} invalid={!!errors.from} />}
        </Field>
        <Field label={t('web.transfers.toStore')} error={errors.to}>
          {(id, d) => <EntityPicker id={id} kind="stores" value={to} onChange={setTo} search={searchStores} describedBy={d} invalid={!!errors.to} />}
        </Field>
      </div>
      <fieldset className="transfer-lines">
        <legend>{t('web.transfers.lines')}</legend>
        {lines.map((l, i) => (
          <div className="transfer-line" key={l.key}>
            <Field label={t('web.transfers.productN', { n: i + 1 })} error={errors[`p${l.key}`]}>
              {(id, d) => (
                <EntityPicker
                  id={id}
                  kind="products"
                  value={l.product}
                  onChange={(o) => setLine(l.key, { product: o ? { ...o, unit: unitOf(o) } : null })}
                  search={searchProductsWithUnit}
                  describedBy={d}
                  invalid={!!errors[`p${l.key}`]}
                />
              )}
            </Field>
            <Field label={t('web.transfers.qtyN', { n: i + 1 })} error={errors[`q${l.key}`]} hint={l.product ? t(l.product.unit === 'pc' ? 'web.transfers.qtyHintPc' : 'web.transfers.qtyHintLoose') : undefined}>
              {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" value={l.qty} onChange={(e) => setLine(l.key, { qty: e.target.value })} />}
            </Field>
            {lines.length > 1 && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} aria-label={t('web.transfers.removeLine', { n: i + 1 })}>
                ×
              </button>
            )}
          </div>
        ))}
        {errors.lines && <p className="field-error" role="alert">{errors.lines}</p>}
        <button type="button" className="btn btn-sm" onClick={() => setLines((ls) => [...ls, { key: Math.max(...ls.map((x) => x.key)) + 1, product: null, qty: '' }])} data-testid="add-line">
          {t('web.transfers.addLine')}
        </button>
      </fieldset>
      <Field label={t('web.transfers.note')} wide>
        {(id) => <input id={id} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <p className="muted">{t('web.transfers.draftExplained')}</p>
      <FormActions label={t('web.transfers.create')} saving={save.isPending} error={save.error} onCancel={onCancel} />
    </form>
  );
}

/** The base unit a product option names last in its sub line ("SKU · g"). */
function unitOf(o: PickOption): BaseUnit {
  const u = o.sub?.split(' · ').pop();
  return u === 'g' || u === 'ml' ? u : 'pc';
}
