import { formatQuantity } from '@bazaar/shared';
import type { ProductView } from '../../core/core.api';
import { priceWithUnit } from '../ui/format';

export function PickedProduct({ product, onClear }: { product: ProductView; onClear: () => void }) {
  return (
    <div className="picked" data-testid="picked-product">
      <div>
        <strong>{product.name}</strong>
        <div className="muted">
          <span className="mono">{product.sku}</span>
          {product.barcode ? ` · ${product.barcode}` : ''} · sells at {priceWithUnit(product.pricePaise, product.unit)}
        </div>
      </div>
      <div className="picked-stock">
        <div className={`cell-strong qty-${product.status}`}>{formatQuantity(product.qty, product.unit)} in stock</div>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClear}>
          Change product
        </button>
      </div>
    </div>
  );
}
