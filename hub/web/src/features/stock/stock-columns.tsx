import { stockStatusWord, type StockListItem, type Translator } from '@bazaar/shared';
import type { Column } from '../../components/data-table';
import { StatusBadge } from '../../components/badges';
import { qtyColumn, unitColumn } from '../../components/qty-columns';
import { StoreTime, storeCsvTime } from '../shared/store-time';
import type { QueryClient } from '@tanstack/react-query';

/** Columns of a stock list, headed in the reader's language (CSV keeps raw values). */
export const stockColumns = (t: Translator, qc: QueryClient): Column<StockListItem>[] => [
  {
    id: 'product', wrap: true,
    header: t.t('common.product'),
    cell: (r) => (
      <span>
        <strong>{r.productName}</strong>
        <bdi className="cell-sub">{r.sku}</bdi>
        {/* On a phone the store column folds in here, leaving room for quantity and status. */}
        <span className="cell-sub phone-only">{r.storeName}</span>
      </span>
    ),
    sort: (r) => r.productName,
    csv: (r) => r.productName,
  },
  { id: 'sku', header: t.t('productSettings.sku'), cell: (r) => r.sku, csv: (r) => r.sku, hidden: true },
  {
    id: 'store',
    header: t.t('common.store'),
    cell: (r) => (
      <span>
        {r.storeName}
        <bdi className="cell-sub">{r.storeCode}</bdi>
      </span>
    ),
    sort: (r) => r.storeName,
    csv: (r) => r.storeName,
    minor: true,
  },
  { id: 'storeCode', header: t.t('setup.storeCode'), cell: (r) => r.storeCode, csv: (r) => r.storeCode, hidden: true },
  { id: 'category', header: t.t('common.category'), cell: (r) => r.category ?? '—', sort: (r) => r.category, csv: (r) => r.category, minor: true },
  qtyColumn(t, { id: 'qty', header: t.t('common.quantity'), qty: (r) => r.qty, unit: (r) => r.unit, cell: (r) => <span className={`qty qty-${r.status}`}>{t.qty(r.qty, r.unit)}</span> }),
  unitColumn(t, (r) => r.unit),
  qtyColumn(t, { id: 'reorder', header: t.t('web.stock.reorder'), qty: (r) => r.reorderLevel, unit: (r) => r.unit, minor: true }),
  { id: 'status', header: t.t('common.status'), cell: (r) => <StatusBadge status={r.status} />, sort: (r) => r.status, csv: (r) => stockStatusWord(t, r.status) },
  qtyColumn(t, { id: 'variance', header: t.t('web.stock.variance'), qty: (r) => r.lastCountVariance, unit: (r) => r.unit, minor: true }),
  { id: 'updated', header: t.t('web.stock.updated'), cell: (r) => <StoreTime storeId={r.storeId} at={r.updatedAt} />, sort: (r) => r.updatedAt, csvNeeds: (r) => [['store', r.storeId]], csv: (r) => storeCsvTime(qc, r.storeId, r.updatedAt), minor: true },
];
