import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PurchaseOrder, ReorderGroup } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { Tag } from '../../components/badges';
import { useI18n } from '../../i18n/i18n-context';
import { reorderWhy, storeDay } from './purchase-labels';
import { purchasesApi } from './purchases.api';

const keyOf = (g: Pick<ReorderGroup, 'storeId'>, productId: string) => `${g.storeId}/${productId}`;

/**
 * The "to order" list across the user's stores, one card per store and supplier, each line with
 * why (how fast it sells, days of cover); the picked lines become purchase orders in one step
 * (one order per store and supplier, made by the hub from the same suggestions).
 */
export function ReorderView({ storeId, supplierId, onOrders }: { storeId: string; supplierId: string; onOrders(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const query = { storeId: storeId || undefined, supplierId: supplierId || undefined };
  const q = useQuery({ queryKey: ['reports', 'reorder', query], queryFn: () => purchasesApi.reorder(query) });
  const groups = q.data?.groups ?? [];
  const orderable = useMemo(() => groups.filter((g) => g.supplierId !== null).flatMap((g) => g.lines.map((l) => keyOf(g, l.productId))), [groups]);
  const [unpicked, setUnpicked] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<'sent' | 'draft'>('sent');
  const [made, setMade] = useState<PurchaseOrder[] | null>(null);
  const picked = orderable.filter((k) => !unpicked.has(k));
  const toggle = (k: string) => setUnpicked((s) => (s.has(k) ? new Set([...s].filter((x) => x !== k)) : new Set([...s, k])));

  const make = useMutation({
    mutationFn: async () => {
      const byStore = new Map<string, string[]>();
      for (const k of picked) {
        const [store, product] = k.split('/') as [string, string];
        byStore.set(store, [...(byStore.get(store) ?? []), product]);
      }
      const out: PurchaseOrder[] = [];
      for (const [store, productIds] of byStore) out.push(...(await purchasesApi.fromSuggestions({ storeId: store, productIds, status })).orders);
      return out;
    },
    onSuccess: (orders) => {
      setMade(orders);
      setUnpicked(new Set());
      void qc.invalidateQueries({ queryKey: ['reports', 'reorder'] });
      void qc.invalidateQueries({ queryKey: ['purchase-orders'] });
    },
  });

  return (
    <div className="reorder" data-testid="reorder">
      <div className="card reorder-actions">
        <p className="muted">{t('web.purchases.reorderExplained')}</p>
        <div className="inline-fields">
          <label className="inline-check">
            <input type="checkbox" checked={status === 'draft'} onChange={(e) => setStatus(e.target.checked ? 'draft' : 'sent')} /> {t('web.purchases.asDrafts')}
          </label>
          <button type="button" className="btn btn-primary" disabled={!picked.length || make.isPending} onClick={() => make.mutate()} data-testid="make-pos">
            {make.isPending ? t('common.saving') : t('web.purchases.makeOrders', { lines: picked.length, stores: new Set(picked.map((k) => k.split('/')[0])).size })}
          </button>
        </div>
        {make.error && <p className="error" role="alert">{errorMessage(make.error)}</p>}
        {made && (
          <p className="notice" role="status" data-testid="pos-made">
            {t('web.purchases.ordersMade', { count: made.length, numbers: made.map((o) => o.number).join(', ') })}{' '}
            <button type="button" className="link" onClick={onOrders}>
              {t('web.purchases.seeOrders')}
            </button>
          </p>
        )}
      </div>
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      {q.isLoading && <p className="muted">{t('common.loading')}</p>}
      {q.data && groups.length === 0 && <p className="muted card">{t('web.purchases.nothingToOrder')}</p>}
      {q.data && q.data.storesLeftOut > 0 && <p className="notice notice-warn">{t('web.purchases.storesLeftOut', { count: q.data.storesLeftOut })}</p>}
      {groups.map((g) => (
        <section className="card" key={`${g.storeId}/${g.supplierId ?? '-'}`} aria-label={`${g.storeName} · ${g.supplierName ?? t('reorder.noSupplier')}`} data-testid="reorder-group">
          <div className="chart-head">
            <h3>
              {g.storeName} · {g.supplierName ?? <Tag tone="warn">{t('reorder.noSupplier')}</Tag>}
            </h3>
            <span className="muted">{t('web.purchases.terms', { lead: g.leadTimeDays, review: g.reviewDays, safety: g.safetyDays, total: i18n.money(g.totalMinor) })}</span>
          </div>
          <div className="table-scroll">
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>
                    <span className="sr-only">{t('web.purchases.pick')}</span>
                  </th>
                  <th>{t('common.product')}</th>
                  <th className="num">{t('web.purchases.onHand')}</th>
                  <th className="num">{t('web.purchases.onOrder')}</th>
                  <th className="num">{t('web.purchases.suggested')}</th>
                  <th>{t('web.purchases.orderBy')}</th>
                  <th>{t('web.purchases.why')}</th>
                </tr>
              </thead>
              <tbody>
                {g.lines.map((l) => {
                  const k = keyOf(g, l.productId);
                  return (
                    <tr key={l.productId}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('web.purchases.pickLine', { product: l.name, store: g.storeName })}
                          disabled={g.supplierId === null}
                          checked={g.supplierId !== null && !unpicked.has(k)}
                          onChange={() => toggle(k)}
                        />
                      </td>
                      <td>
                        <bdi>{l.name}</bdi> <span className="muted sku">{l.sku}</span>
                      </td>
                      <td className="num">{i18n.qty(l.onHandQty, l.unit)}</td>
                      <td className="num">{l.onOrderQty ? i18n.qty(l.onOrderQty, l.unit) : '—'}</td>
                      <td className="num">
                        <strong>{i18n.qty(l.suggestedQty, l.unit)}</strong>
                        {l.packQty > 1 && <span className="cell-sub">{t('web.purchases.packs', { packs: l.packs, qty: i18n.qty(l.packQty, l.unit) })}</span>}
                      </td>
                      <td>{storeDay(i18n, l.orderDay)}</td>
                      <td className="wrap">{reorderWhy(i18n, l)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
