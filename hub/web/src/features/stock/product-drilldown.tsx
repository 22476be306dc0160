import { formatMoney, formatQuantity, type Movement, type StockListItem } from '@bazaar/shared';
import { movementsApi, stockApi } from '../../api/endpoints';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Tag } from '../../components/badges';
import { fmtDateTime } from '../../components/format';
import { usePagedList } from '../../components/use-paged-list';
import { StoreName, SupplierName, UserName, useProduct } from '../shared/lookups';
import { kindLabel, kindTone } from '../movements/movement-kinds';
import { stockColumns } from './stock-columns';

const perStore = stockColumns.filter((c) => ['store', 'storeCode', 'qty', 'reorder', 'status', 'variance', 'updated'].includes(c.id));

/** One product across every store the user can see, and its movement history. */
export function ProductDrilldown({ productId, onClose }: { productId: string | null; onClose(): void }) {
  const product = useProduct(productId);
  const unit = product.data?.unit ?? 'pc';
  const stock = usePagedList(['stocks', 'product', productId], (cursor, limit = 50) => stockApi.list({ productId: productId ?? undefined, cursor, limit }), {
    enabled: !!productId,
  });
  const moves = usePagedList(
    ['movements', 'product', productId],
    (cursor, limit = 25) => movementsApi.list({ productId: productId ?? undefined, cursor, limit }),
    { enabled: !!productId },
  );
  const total = stock.rows.reduce((s, r) => s + r.qty, 0);

  const moveCols: Column<Movement>[] = [
    { id: 'at', header: 'When', cell: (m) => fmtDateTime(m.occurredAt), csv: (m) => m.occurredAt },
    { id: 'store', header: 'Store', cell: (m) => <StoreName id={m.storeId} />, csv: (m) => m.storeId },
    { id: 'kind', header: 'Kind', cell: (m) => <Tag tone={kindTone[m.kind]}>{kindLabel[m.kind]}</Tag>, csv: (m) => m.kind },
    { id: 'qty', header: 'Quantity', align: 'right', cell: (m) => formatQuantity(m.qty, unit), csv: (m) => m.qty },
    { id: 'user', header: 'By', cell: (m) => <UserName id={m.userId} />, csv: (m) => m.userId, minor: true },
    { id: 'status', header: 'Status', cell: (m) => (m.status === 'rejected' ? <Tag tone="bad">rejected</Tag> : 'applied'), csv: (m) => m.status, minor: true },
  ];

  const p = product.data;
  return (
    <Dialog title={p ? `${p.name} · ${p.sku}` : 'Product'} open={!!productId} onClose={onClose} wide>
      {p && (
        <dl className="facts">
          <div>
            <dt>Price</dt>
            <dd>{formatMoney(p.pricePaise)}</dd>
          </div>
          <div>
            <dt>Cost</dt>
            <dd>{formatMoney(p.costPaise)}</dd>
          </div>
          <div>
            <dt>Category</dt>
            <dd>{p.category ?? '—'}</dd>
          </div>
          <div>
            <dt>Supplier</dt>
            <dd>
              <SupplierName id={p.supplierId} />
            </dd>
          </div>
          <div>
            <dt>Reorder level</dt>
            <dd>{formatQuantity(p.reorderLevel, p.unit)}</dd>
          </div>
          <div>
            <dt>Total in {stock.hasMore ? 'loaded ' : ''}stores</dt>
            <dd data-testid="drilldown-total">{formatQuantity(total, unit)}</dd>
          </div>
        </dl>
      )}
      <DataTable<StockListItem>
        caption="Stock in every store"
        columns={perStore}
        list={stock}
        rowKey={(r) => r.storeId}
        csv={{ filename: `stock-${p?.sku ?? 'product'}` }}
        testId="drilldown-stock"
      />
      <DataTable<Movement>
        caption="Movement history"
        columns={moveCols}
        list={moves}
        rowKey={(m) => m.id}
        csv={{ filename: `movements-${p?.sku ?? 'product'}` }}
        empty="No movements recorded yet."
        testId="drilldown-movements"
      />
    </Dialog>
  );
}
