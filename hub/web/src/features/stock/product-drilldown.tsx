import { movementStatusWord, type Movement, type StockListItem, type Translator } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';
import { movementsApi, stockApi } from '../../api/endpoints';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Tag } from '../../components/badges';
import { usePagedList } from '../../components/use-paged-list';
import { cachedName, StoreName, SupplierName, UserName, useProduct } from '../shared/lookups';
import { kindLabel, kindTone } from '../movements/movement-kinds';
import { stockColumns } from './stock-columns';
import { ProductInTransit, useProductInTransit } from './product-in-transit';
import { qtyColumn, unitColumn } from '../../components/qty-columns';
import { storeTimeColumn } from '../shared/store-time';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';

const perStore = (t: Translator, qc: QueryClient) => stockColumns(t, qc).filter((c) => ['store', 'storeCode', 'qty', 'unit', 'reorder', 'status', 'variance', 'updated'].includes(c.id)).map((c) => (c.id === 'store' ? { ...c, minor: false } : c));

/** One product across every store the user can see (those without it at 0: every active product is in every store's assortment), and its movement history. */
export function ProductDrilldown({ productId, onClose }: { productId: string | null; onClose(): void }) {
  const product = useProduct(productId);
  const i18n = useI18n();
  const qc = useQueryClient();
  const { t } = i18n;
  const unit = product.data?.unit ?? 'pc';
  const stock = usePagedList(['stocks', 'product', productId, 'every-store'], (cursor, limit = 50) => stockApi.list({ productId: productId ?? undefined, everyStore: true, cursor, limit }), {
    enabled: !!productId,
  });
  const moves = usePagedList(
    ['movements', 'product', productId],
    (cursor, limit = 25) => movementsApi.list({ productId: productId ?? undefined, cursor, limit }),
    { enabled: !!productId },
  );
  const total = stock.rows.reduce((s, r) => s + r.qty, 0);
  const transit = useProductInTransit(productId);
  const inTransit = productId ? (transit.data?.totalQtyByProduct[productId] ?? 0) : 0;

  const moveCols: Column<Movement>[] = [
    storeTimeColumn<Movement>(qc, { id: 'at', header: t('common.when'), at: (m) => m.occurredAt, store: (m) => m.storeId }),
    { id: 'store', header: t('common.store'), cell: (m) => <StoreName id={m.storeId} />, csvNeeds: (m) => [['store', m.storeId]], csv: (m) => cachedName(qc, 'store', m.storeId) },
    { id: 'kind', header: t('common.kind'), cell: (m) => <Tag tone={kindTone[m.kind]}>{kindLabel(i18n, m.kind)}</Tag>, csv: (m) => kindLabel(i18n, m.kind) },
    qtyColumn<Movement>(i18n, { id: 'qty', header: t('common.quantity'), qty: (m) => m.qty, unit: () => unit }),
    unitColumn<Movement>(i18n, () => unit),
    { id: 'user', header: t('web.drill.by'), cell: (m) => <UserName id={m.userId} />, csvNeeds: (m) => [['user', m.userId]], csv: (m) => cachedName(qc, 'user', m.userId), minor: true },
    { id: 'status', header: t('common.status'), cell: (m) => (m.status === 'rejected' ? <Tag tone="bad">{t('web.drill.rejected')}</Tag> : t('web.drill.applied')), csv: (m) => movementStatusWord(i18n, m.status, m.rejectReason), minor: true },
  ];

  const p = product.data;
  return (
    <Dialog title={p ? `${p.name} · ${p.sku}` : t('common.product')} open={!!productId} onClose={onClose} wide>
      {p && (
        <dl className="facts">
          <div>
            <dt>{t('common.price')}</dt>
            <dd>{i18n.money(p.priceMinor)}</dd>
          </div>
          <div>
            <dt>{t('common.cost')}</dt>
            <dd>{i18n.money(p.costMinor)}</dd>
          </div>
          <div>
            <dt>{t('common.category')}</dt>
            <dd>{p.category ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('common.supplier')}</dt>
            <dd>
              <SupplierName id={p.supplierId} />
            </dd>
          </div>
          <div>
            <dt>{t('storeSettings.reorderLevel')}</dt>
            <dd>{i18n.qty(p.reorderLevel, p.unit)}</dd>
          </div>
          <div>
            <dt>{stock.hasMore ? t('web.drill.totalLoaded') : t('web.drill.total')}</dt>
            <dd data-testid="drilldown-total">{i18n.qty(total, unit)}</dd>
          </div>
          <div>
            <dt>{t('web.stock.inTransitTitle')}</dt>
            <dd data-testid="drilldown-transit-total">{i18n.qty(inTransit, unit)}</dd>
          </div>
        </dl>
      )}
      <ProductInTransit productId={productId} unit={unit} />
      <DataTable<StockListItem>
        caption={t('web.drill.everyStore')}
        columns={perStore(i18n, qc)}
        list={stock}
        rowKey={(r) => r.storeId}
        csv={{ filename: `stock-${p?.sku ?? 'product'}` }}
        testId="drilldown-stock"
      />
      <DataTable<Movement>
        caption={t('web.drill.history')}
        columns={moveCols}
        list={moves}
        rowKey={(m) => m.id}
        csv={{ filename: `movements-${p?.sku ?? 'product'}` }}
        empty={t('web.drill.noMovements')}
        testId="drilldown-movements"
      />
    </Dialog>
  );
}
