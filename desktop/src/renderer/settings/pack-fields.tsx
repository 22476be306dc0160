import { parseMoney, UnitError, type BaseUnit, type Pack } from '@bazaar/shared';
import { parseTypedQuantity } from '../counter/cart';
import { useI18n } from '../i18n/i18n-context';

/** One pack row as typed: strings until the form is saved. */
export interface PackDraft {
  name: string;
  qty: string;
  barcode: string;
  price: string;
}

export const emptyPack: PackDraft = { name: '', qty: '', barcode: '', price: '' };

/** The typed rows as packs, or an error per row ("row 2: …"); blank rows are left out. */
export function packsFromDrafts(rows: readonly PackDraft[], unit: BaseUnit, t: ReturnType<typeof useI18n>): { packs: Pack[] } | { error: string } {
  const packs: Pack[] = [];
  for (const [i, r] of rows.entries()) {
    if (!r.name.trim() && !r.qty.trim() && !r.barcode.trim() && !r.price.trim()) continue;
    const row = i + 1;
    if (!r.name.trim()) return { error: t.t('goods.packs.errName', { row }) };
    const qty = parseTypedQuantity(r.qty, unit, t);
    if ('error' in qty) return { error: t.t('goods.packs.errRow', { row, error: qty.error }) };
    if (qty.qty < 2) return { error: t.t('goods.packs.errQty', { row }) };
    let priceMinor: number | null = null;
    try {
      if (r.price.trim()) priceMinor = parseMoney(r.price);
    } catch (err) {
      if (!(err instanceof UnitError)) throw err;
      return { error: t.t('goods.packs.errPrice', { row }) };
    }
    packs.push({ name: r.name.trim(), qty: qty.qty, barcode: r.barcode.trim() || null, priceMinor });
  }
  return { packs };
}

/** The packs of a product being added: carton = 24 pc with its own barcode and price. */
export function PackFields({ rows, unit, error, onChange }: { rows: PackDraft[]; unit: BaseUnit; error: string | undefined; onChange: (rows: PackDraft[]) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const set = (i: number, k: keyof PackDraft, v: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <fieldset className="stack span-2 pack-fields" aria-describedby={error ? 'packs-error' : undefined}>
      <legend>{t('goods.packs.title')}</legend>
      <p className="muted small no-margin">{t('goods.packs.hint', { unit: t(`unit.word.${unit}`) })}</p>
      {rows.map((r, i) => (
        <div className="row pack-row" key={i}>
          <input className="input" aria-label={t('goods.packs.name', { row: i + 1 })} placeholder={t('goods.packs.namePlaceholder')} value={r.name} onChange={(e) => set(i, 'name', e.target.value)} />
          <input className="input num" aria-label={t('goods.packs.qty', { row: i + 1 })} placeholder={unit === 'pc' ? '24' : '5'} value={r.qty} onChange={(e) => set(i, 'qty', e.target.value)} />
          <input className="input mono" aria-label={t('goods.packs.barcode', { row: i + 1 })} placeholder={t('productSettings.barcode')} value={r.barcode} onChange={(e) => set(i, 'barcode', e.target.value)} />
          <input className="input num" aria-label={t('goods.packs.price', { row: i + 1 })} placeholder={t('goods.packs.pricePlaceholder')} inputMode="decimal" value={r.price} onChange={(e) => set(i, 'price', e.target.value)} />
          <button type="button" className="btn btn-ghost btn-sm" aria-label={t('goods.packs.remove', { row: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      {error && (
        <span className="field-error" id="packs-error" role="alert">
          {error}
        </span>
      )}
      <div className="row">
        <button type="button" className="btn btn-sm" disabled={rows.length >= 8} onClick={() => onChange([...rows, emptyPack])}>
          {t('goods.packs.add')}
        </button>
      </div>
    </fieldset>
  );
}
