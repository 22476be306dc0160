import { formatQuantity } from '@bazaar/shared';
import type { StockListResult } from '../../core/core.api';
import { priceWithUnit } from '../ui/format';
import { StatusBadge } from './status-badge';

type Item = StockListResult['items'][number];

export function StockTable({ items, supplierName, compact, testId }: { items: Item[]; supplierName: (id: string | null) => string; compact?: boolean; testId?: string }) {
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          <th>Product</th>
          {!compact && <th>Category</th>}
          <th>Supplier</th>
          {!compact && <th className="num">Price</th>}
          <th className="num">In stock</th>
          <th className="num">Reorder at</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.productId} data-status={s.status}>
            <td>
              <span className="cell-strong">{s.name}</span>
              <span className="cell-sub mono">
                {s.sku}
                {s.barcode ? ` · ${s.barcode}` : ''}
              </span>
            </td>
            {!compact && <td className="nowrap">{s.category ?? <span className="muted">—</span>}</td>}
            <td className="nowrap">{supplierName(s.supplierId)}</td>
            {!compact && <td className="num">{priceWithUnit(s.pricePaise, s.unit)}</td>}
            <td className={`num qty-${s.status}`}>{formatQuantity(s.qty, s.unit)}</td>
            <td className="num muted">{formatQuantity(s.reorderLevel, s.unit)}</td>
            <td>
              <StatusBadge status={s.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
