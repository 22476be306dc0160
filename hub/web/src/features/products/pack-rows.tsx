import { formatScaled, parseMoney, parseQuantity, type BaseUnit, type Pack } from '@bazaar/shared';
import { errorMessage, type FieldErrors } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';

/** One pack as typed: "carton", "24", a barcode, "550". */
export interface PackRow {
  name: string;
  qty: string;
  barcode: string;
  price: string;
}

export function packRowsOf(packs: readonly Pack[], unit: BaseUnit): PackRow[] {
  return packs.map((p) => ({ name: p.name, qty: unit === 'pc' ? String(p.qty) : `${p.qty} ${unit}`, barcode: p.barcode ?? '', price: p.priceMinor === null ? '' : formatScaled(p.priceMinor, 2, false) }));
}

/** The typed rows as the body's packs; a row that does not read puts its message under `packs`. Blank rows are left out. */
export function packsOfRows(rows: readonly PackRow[], unit: BaseUnit, errors: FieldErrors): Pack[] {
  const out: Pack[] = [];
  for (const [i, r] of rows.entries()) {
    if (!r.name.trim() && !r.qty.trim() && !r.barcode.trim() && !r.price.trim()) continue;
    try {
      out.push({ name: r.name.trim(), qty: parseQuantity(r.qty || '0', unit), barcode: r.barcode.trim() || null, priceMinor: r.price.trim() ? parseMoney(r.price) : null });
    } catch (err) {
      errors.packs ??= `${i + 1}: ${errorMessage(err)}`;
    }
  }
  return out;
}

/** The first message about the packs, from the form or from the hub ("packs.1.barcode: …"). */
export function packsError(errors: FieldErrors): string | undefined {
  const hit = Object.entries(errors).find(([k]) => k === 'packs' || k.startsWith('packs.'));
  if (!hit) return undefined;
  const [key, message] = hit;
  const row = /^packs\.(\d+)/.exec(key)?.[1];
  return row === undefined ? message : `${Number(row) + 1}: ${message}`;
}

/** Packaging units of a product: carton = 24 pc with its own barcode and, if set, its own price. */
export function PackRows({ rows, unit, error, onChange }: { rows: PackRow[]; unit: BaseUnit; error: string | undefined; onChange(rows: PackRow[]): void }) {
  const { t } = useI18n();
  const set = (i: number, k: keyof PackRow, v: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <fieldset className={`field field-wide pack-rows${error ? ' field-invalid' : ''}`}>
      <legend>{t('goods.packs.title')}</legend>
      <p className="field-hint">{t('goods.web.packsHint')}</p>
      {rows.map((r, i) => (
        <div className="pack-row" key={i}>
          <input aria-label={t('goods.packs.name', { row: i + 1 })} placeholder={t('goods.packs.namePlaceholder')} value={r.name} onChange={(e) => set(i, 'name', e.target.value)} />
          <input aria-label={t('goods.packs.qty', { row: i + 1 })} placeholder={unit === 'pc' ? '24' : '5'} value={r.qty} onChange={(e) => set(i, 'qty', e.target.value)} />
          <input aria-label={t('goods.packs.barcode', { row: i + 1 })} placeholder={t('goods.web.barcode')} inputMode="numeric" value={r.barcode} onChange={(e) => set(i, 'barcode', e.target.value)} />
          <input aria-label={t('goods.packs.price', { row: i + 1 })} placeholder={t('goods.packs.pricePlaceholder')} inputMode="decimal" value={r.price} onChange={(e) => set(i, 'price', e.target.value)} />
          <button type="button" className="btn btn-ghost btn-sm" aria-label={t('goods.packs.remove', { row: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      {error && (
        <p className="field-error" role="alert" data-field-error>
          {t('goods.web.packError', { error })}
        </p>
      )}
      <div>
        <button type="button" className="btn btn-sm" disabled={rows.length >= 8} onClick={() => onChange([...rows, { name: '', qty: '', barcode: '', price: '' }])}>
          {t('goods.packs.add')}
        </button>
      </div>
    </fieldset>
  );
}
