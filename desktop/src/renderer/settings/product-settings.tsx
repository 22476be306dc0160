import { baseUnits, parseMoney, UnitError, type BaseUnit } from '@bazaar/shared';
import { useState, type FormEvent } from 'react';
import type { ImportResult, StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError, formErrors, useQuery } from '../api/use-query';
import { parseTypedQuantity } from '../counter/cart';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { useI18n } from '../i18n/i18n-context';
import { Options } from '../ui/options';
import { PackFields, packsFromDrafts, type PackDraft } from './pack-fields';
import { ScaleSettings } from './scale-settings';

const empty = { sku: '', barcode: '', name: '', unit: 'pc' as BaseUnit, category: '', supplierId: '', price: '', cost: '', reorder: '' };

export function ProductSettings({ info }: { info: StoreInfo }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const symbol = i18n.currency.symbol ?? i18n.currency.code;
  const suppliers = useQuery(() => api.listSuppliers(), [api]);
  const [f, setF] = useState(empty);
  const [packRows, setPackRows] = useState<PackDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));

  const money = (text: string, field: string, p: Record<string, string>): number | undefined => {
    if (!text.trim()) return undefined;
    try {
      return parseMoney(text);
    } catch (err) {
      p[field] = err instanceof UnitError ? t('productSettings.err.money', { currency: symbol }) : String(err);
      return undefined;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const p: Record<string, string> = {};
    if (!f.sku.trim()) p.sku = t('productSettings.err.sku');
    if (!f.name.trim()) p.name = t('productSettings.err.name');
    const price = money(f.price, 'price', p);
    if (price === undefined && !p.price) p.price = t('productSettings.err.price');
    const cost = money(f.cost, 'cost', p);
    const reorder = f.reorder.trim() ? parseTypedQuantity(f.reorder, f.unit, i18n) : { qty: 0 };
    if ('error' in reorder) p.reorder = reorder.error;
    const packs = packsFromDrafts(packRows, f.unit, i18n);
    if ('error' in packs) p.packs = packs.error;
    setErrors(p);
    if (Object.keys(p).length || price === undefined || 'error' in reorder || 'error' in packs) return;
    try {
      const created = await api.addProduct({
        sku: f.sku.trim(),
        barcode: f.barcode.trim() || null,
        name: f.name.trim(),
        unit: f.unit,
        category: f.category.trim() || null,
        supplierId: f.supplierId || null,
        priceMinor: price,
        costMinor: cost ?? 0,
        reorderLevel: reorder.qty,
        packs: packs.packs,
      });
      setDone(t('productSettings.done', { name: created.name, sku: created.sku }));
      setF(empty);
      setPackRows([]);
    } catch (err) {
      setErrors(formErrors(err));
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImported(null);
    setImportError(null);
    try {
      setImported(await api.importProducts({ csv: await file.text() }));
    } catch (err) {
      setImportError(asApiError(err).message);
    }
  };

  return (
    <div className="two-col">
      <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t('productSettings.title')}</h2>
        {info.enrolled && <p className="muted no-margin">{t('productSettings.enrolled')}</p>}
        <div className="form-grid">
          <Field id="p-name" label={t('common.name')} error={errors.name}>
            <input id="p-name" className="input" value={f.name} onChange={set('name')} />
          </Field>
          <Field id="p-sku" label={t('productSettings.sku')} error={errors.sku}>
            <input id="p-sku" className="input mono" value={f.sku} onChange={set('sku')} />
          </Field>
          <Field id="p-barcode" label={t('productSettings.barcode')} error={errors.barcode} hint={t('productSettings.barcodeHint')}>
            <input id="p-barcode" className="input mono" value={f.barcode} onChange={set('barcode')} />
          </Field>
          <Field id="p-unit" label={t('productSettings.soldBy')}>
            <select id="p-unit" className="select" value={f.unit} onChange={(e) => setF((o) => ({ ...o, unit: e.target.value as BaseUnit }))}>
              <Options items={baseUnits} label={(u) => t(`unit.sold.${u}`)} />
            </select>
          </Field>
          <Field id="p-price" label={t('productSettings.priceLabel', { currency: symbol, per: t(`unit.per.${f.unit}`) })} error={errors.price ?? errors.priceMinor}>
            <input id="p-price" className="input" inputMode="decimal" value={f.price} onChange={set('price')} />
          </Field>
          <Field id="p-cost" label={t('productSettings.costLabel', { currency: symbol })} error={errors.cost}>
            <input id="p-cost" className="input" inputMode="decimal" value={f.cost} onChange={set('cost')} />
          </Field>
          <Field id="p-category" label={t('common.category')}>
            <input id="p-category" className="input" value={f.category} onChange={set('category')} />
          </Field>
          <Field id="p-reorder" label={t('storeSettings.reorderLevel')} error={errors.reorder}>
            <input id="p-reorder" className="input" value={f.reorder} onChange={set('reorder')} />
          </Field>
          <Field id="p-supplier" label={t('common.supplier')} className="span-2">
            <select id="p-supplier" className="select" value={f.supplierId} onChange={set('supplierId')}>
              <option value="">{t('common.none')}</option>
              <Options items={suppliers.data} value={(s) => s.id} label={(s) => s.name} />
            </select>
          </Field>
          <PackFields rows={packRows} unit={f.unit} error={errors.packs ?? Object.entries(errors).find(([k]) => k.startsWith('packs.'))?.[1]} onChange={setPackRows} />
        </div>
        {errors.form && <Notice kind="error">{errors.form}</Notice>}
        {done && <Notice kind="ok">{done}</Notice>}
        <div className="row">
          <button className="btn btn-primary" type="submit">
            {t('productSettings.add')}
          </button>
        </div>
      </form>
      <div className="stack">
      <aside className="card card-pad stack">
        <h2>{t('productSettings.import')}</h2>
        <p className="muted no-margin small">
          {t('productSettings.importIntro')}
        </p>
        <input type="file" accept=".csv,text/csv" aria-label={t('productSettings.csvFile')} onChange={(e) => void importFile(e.target.files?.[0])} />
        {importError && <Notice kind="error">{importError}</Notice>}
        {imported && (
          <Notice kind={imported.bad.length ? 'warn' : 'ok'}>
            <div>
              {t('productSettings.imported', { created: imported.created, updated: imported.updated, rows: imported.rows })}
              {imported.bad.slice(0, 8).map((b) => (
                <div key={b.line} className="small">
                  {t('productSettings.badLine', { line: b.line, message: b.message })}
                </div>
              ))}
            </div>
          </Notice>
        )}
      </aside>
      <ScaleSettings />
      </div>
    </div>
  );
}
