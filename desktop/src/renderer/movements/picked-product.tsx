import type { ProductView } from '../../core/core.api';
import { useI18n } from '../i18n/i18n-context';
import { priceWithUnit } from '../ui/format';

export function PickedProduct({ product, onClear }: { product: ProductView; onClear: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="picked" data-testid="picked-product">
      <div>
        <strong>{product.name}</strong>
        <div className="muted">
          <bdi className="mono">{product.sku}</bdi>
          {product.barcode ? <> · <bdi>{product.barcode}</bdi></> : ''} · {t('picked.sellsAt', { price: priceWithUnit(i18n, product.priceMinor, product.unit) })}
        </div>
      </div>
      <div className="picked-stock">
        <div className={`cell-strong qty-${product.status}`}>{t('picked.inStock', { qty: i18n.qty(product.qty, product.unit) })}</div>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClear}>
          {t('picked.change')}
        </button>
      </div>
    </div>
  );
}
