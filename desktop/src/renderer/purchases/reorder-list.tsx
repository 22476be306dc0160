import { lineTotalMinor } from '@bazaar/shared';
import { useEffect, useState } from 'react';
import type { ReorderRow } from '../../core/purchases/purchases.api';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';
import { asTypedQuantity, packQuantity, typedLineQuantity } from '../ui/pack-quantity';
import { useExclusive } from '../ui/use-exclusive';
import { useProducts } from '../ui/use-products';
import { useWindowKeys } from '../ui/use-window-keys';
import { dayText, reasonsText, velocityText } from './purchase-words';

interface Group {
  supplierId: string | null;
  supplierName: string | null;
  rows: ReorderRow[];
}

function bySupplier(rows: readonly ReorderRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = r.supplierId ?? '';
    const g = groups.get(key) ?? { supplierId: r.supplierId, supplierName: r.supplierName, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  // Suppliers by name, products without one last (they cannot be ordered from here).
  return [...groups.values()].sort((a, b) => (a.supplierId === null ? 1 : b.supplierId === null ? -1 : (a.supplierName ?? '').localeCompare(b.supplierName ?? '')));
}

/**
 * The "to order" list: what is due, by supplier, with why (sales per day, how long the stock
 * lasts, the reasons), the suggested quantities to change, and one step that makes an order per
 * ticked supplier.
 */
export function ReorderList({ version, onMade }: { version: number; onMade: (messages: string[]) => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useQuery(() => api.reorderSuggestions({}), [api, version]);
  const rows = list.data ?? [];
  const products = useProducts(rows.map((r) => r.productId));
  const packsOf = (id: string) => products.get(id)?.packs ?? [];
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setTexts(Object.fromEntries((list.data ?? []).map((r) => [r.productId, asTypedQuantity(r.suggestedQty, r.unit)]))), [list.data]);
  const groups = bySupplier(rows);
  const orderable = groups.filter((g) => g.supplierId !== null && !skipped.has(g.supplierId));

  const make = useExclusive(async () => {
    const problems: Record<string, string> = {};
    const orders: { supplierId: string; lines: { product: string; qty: number; costMinor?: number }[] }[] = [];
    for (const g of orderable) {
      const lines: { product: string; qty: number; costMinor?: number }[] = [];
      for (const r of g.rows) {
        const q = typedLineQuantity(texts[r.productId] ?? '', r.unit, packsOf(r.productId), i18n, { allowZero: true });
        if (q && 'error' in q) problems[r.productId] = q.error;
        else if (q && q.qty > 0) lines.push({ product: r.productId, qty: q.qty, ...(r.costMinor > 0 ? { costMinor: r.costMinor } : {}) });
      }
      if (lines.length) orders.push({ supplierId: g.supplierId!, lines });
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (orders.length === 0) {
      setFailure(t('purchases.suggest.nothingPicked'));
      return;
    }
    setSaving(true);
    setFailure(null);
    const made: string[] = [];
    try {
      for (const o of orders) made.push((await api.createPurchaseOrder({ supplier: o.supplierId, lines: o.lines })).order.number);
      onMade([t('purchases.suggest.made', { count: made.length, numbers: made.join(', ') })]);
    } catch (err) {
      // The orders made before the failure stay made; say which, and why the rest was not.
      if (made.length) onMade([t('purchases.suggest.made', { count: made.length, numbers: made.join(', ') })]);
      setFailure(t('common.nothingSaved', { error: asApiError(err).message }));
    } finally {
      setSaving(false);
    }
  });

  useWindowKeys((e) => {
    if (e.key === 'F9') {
      e.preventDefault();
      void make();
    }
  });

  if (list.error) return <Notice kind="error">{list.error.message}</Notice>;
  if (list.data && rows.length === 0) return <div className="card empty">{t('purchases.suggest.none')}</div>;

  return (
    <div className="card" data-testid="reorder-list">
      <p className="card-pad muted no-margin">{t('purchases.suggest.intro')}</p>
      {groups.map((g) => {
        const key = g.supplierId ?? 'none';
        const on = g.supplierId !== null && !skipped.has(g.supplierId);
        const total = g.rows.reduce((a, r) => {
          const q = typedLineQuantity(texts[r.productId] ?? '', r.unit, packsOf(r.productId), i18n, { allowZero: true });
          return a + (q && 'qty' in q ? lineTotalMinor(r.costMinor, q.qty, r.unit) : 0);
        }, 0);
        return (
          <section key={key} className="supplier-group card-pad stack" data-testid={`reorder-group-${g.supplierName ?? 'none'}`}>
            <div className="supplier-group-head">
              {g.supplierId ? (
                <label className="row cell-strong">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) =>
                      setSkipped((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.delete(g.supplierId!);
                        else next.add(g.supplierId!);
                        return next;
                      })
                    }
                  />
                  {t('purchases.suggest.include', { supplier: g.supplierName ?? '' })}
                </label>
              ) : (
                <strong>{t('reorder.noSupplier')}</strong>
              )}
              <span className="muted">{g.supplierId ? t('purchases.suggest.groupTotal', { lines: g.rows.length, total: i18n.money(total) }) : t('purchases.suggest.noSupplierHint')}</span>
            </div>
            <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('common.product')}</th>
                  <th className="num">{t('purchases.col.inStock')}</th>
                  <th className="num">{t('purchases.col.sells')}</th>
                  <th className="num">{t('purchases.col.orderQty')}</th>
                  <th>{t('purchases.col.orderBy')}</th>
                </tr>
              </thead>
              <tbody>
                {g.rows.map((r) => (
                  <tr key={r.productId}>
                    <td>
                      <bdi className="cell-strong">{r.name}</bdi>
                      <bdi className="cell-sub mono">{r.sku}</bdi>
                      <span className="cell-sub reasons">
                        {t('purchases.suggest.why', { reasons: reasonsText(i18n, r.reasons) })}
                      </span>
                    </td>
                    <td className="num nowrap">
                      <bdi>{packQuantity(i18n, r.onHandQty, r.unit, packsOf(r.productId))}</bdi>
                      {r.onOrderQty > 0 && <span className="cell-sub">{t('purchases.suggest.onOrder', { qty: i18n.qty(r.onOrderQty, r.unit) })}</span>}
                    </td>
                    <td className="num nowrap">
                      {velocityText(i18n, r.velocityPerDay, r.unit)}
                      {r.daysOfCover !== null && <span className="cell-sub">{t('reorder.cover', { days: r.daysOfCover })}</span>}
                    </td>
                    <td className="num">
                      <input
                        className="input qty-input num"
                        aria-label={t('purchases.suggest.qtyOf', { name: r.name })}
                        aria-invalid={errors[r.productId] ? 'true' : undefined}
                        disabled={!on}
                        value={texts[r.productId] ?? ''}
                        onChange={(e) => setTexts((x) => ({ ...x, [r.productId]: e.target.value }))}
                      />
                      {errors[r.productId] && <span className="field-error cell-sub">{errors[r.productId]}</span>}
                    </td>
                    <td className="nowrap">{r.orderDay ? dayText(i18n, r.orderDay) : t('purchases.suggest.notSoon')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </section>
        );
      })}
      <div className="card-pad stack">
        {failure && <Notice kind="error">{failure}</Notice>}
        <div className="row">
          <button className="btn btn-primary" disabled={saving || orderable.length === 0} onClick={() => void make()}>
            {saving ? t('common.saving') : t('purchases.suggest.make', { count: orderable.length })} <kbd>F9</kbd>
          </button>
          <span className="muted">{t('transfers.qty.hint')}</span>
        </div>
      </div>
    </div>
  );
}
