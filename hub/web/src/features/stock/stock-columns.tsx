import { formatQuantity, type StockListItem } from '@bazaar/shared';
import type { Column } from '../../components/data-table';
import { StatusBadge } from '../../components/badges';
import { fmtDateTime } from '../../components/format';

export const stockColumns: Column<StockListItem>[] = [
  {
    id: 'product', wrap: true,
    header: 'Product',
    cell: (r) => (
      <span>
        <strong>{r.productName}</strong>
        <span className="cell-sub">{r.sku}</span>
      </span>
    ),
    sort: (r) => r.productName,
    csv: (r) => r.productName,
  },
  { id: 'sku', header: 'SKU', cell: (r) => r.sku, csv: (r) => r.sku, hidden: true },
  {
    id: 'store',
    header: 'Store',
    cell: (r) => (
      <span>
        {r.storeName}
        <span className="cell-sub">{r.storeCode}</span>
      </span>
    ),
    sort: (r) => r.storeName,
    csv: (r) => r.storeName,
  },
  { id: 'storeCode', header: 'Store code', cell: (r) => r.storeCode, csv: (r) => r.storeCode, hidden: true },
  { id: 'category', header: 'Category', cell: (r) => r.category ?? '—', sort: (r) => r.category, csv: (r) => r.category, minor: true },
  {
    id: 'qty',
    header: 'Quantity',
    align: 'right',
    cell: (r) => <span className={`qty qty-${r.status}`}>{formatQuantity(r.qty, r.unit)}</span>,
    sort: (r) => r.qty,
    csv: (r) => r.qty,
  },
  {
    id: 'reorder',
    header: 'Reorder',
    align: 'right',
    cell: (r) => formatQuantity(r.reorderLevel, r.unit),
    sort: (r) => r.reorderLevel,
    csv: (r) => r.reorderLevel,
    minor: true,
  },
  { id: 'status', header: 'Status', cell: (r) => <StatusBadge status={r.status} />, sort: (r) => r.status, csv: (r) => r.status },
  {
    id: 'variance',
    header: 'Variance',
    align: 'right',
    cell: (r) => (r.lastCountVariance === null ? '—' : formatQuantity(r.lastCountVariance, r.unit)),
    csv: (r) => r.lastCountVariance,
    minor: true,
  },
  { id: 'updated', header: 'Updated', cell: (r) => fmtDateTime(r.updatedAt), sort: (r) => r.updatedAt, csv: (r) => r.updatedAt, minor: true },
];
