import type { StockListResult } from '../../core/core.api';
import { useI18n } from '../i18n/i18n-context';
import { priceWithUnit } from '../ui/format';
import { StatusBadge } from './status-badge';

type Item = StockListResult['items'][number];

export function StockTable({ items, supplierName, compact, testId }: { items: Item[]; supplierName: (id: string | null) => string; compact?: boolean; testId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('common.product')}</th>
          {!compact && <th>{t('common.category')}</th>}
          <th>{t('common.supplier')}</th>
          {!compact && <th className="num">{t('common.price')}</th>}
          <th className="num">{t('stock.ok')}</th>
          <th className="num">{t('stockScreen.reorderAt')}</th>
          <th>{t('common.status')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.productId} data-status={s.status}>
            <td>
              <bdi className="cell-strong">{s.name}</bdi>
              <span className="cell-sub mono">
                <bdi>{s.sku}</bdi>
                {s.barcode ? <> · <bdi>{s.barcode}</bdi></> : ''}
              </span>
            </td>
            {!compact && <td className="nowrap">{s.category ?? <span className="muted">—</span>}</td>}
            <td className="nowrap">{supplierName(s.supplierId)}</td>
            {!compact && <td className="num">{priceWithUnit(i18n, s.priceMinor, s.unit)}</td>}
            <td className={`num qty-${s.status}`}><bdi>{i18n.qty(s.qty, s.unit)}</bdi></td>
            <td className="num muted"><bdi>{i18n.qty(s.reorderLevel, s.unit)}</bdi></td>
            <td>
              <StatusBadge status={s.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
