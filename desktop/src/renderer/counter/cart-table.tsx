import { discountMinor, formatQuantity } from '@bazaar/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { priceWithUnit } from '../ui/format';
import { lineTotal, parseCartQuantity, parsePackCount, type Cart, type CartLine } from './cart';

interface Props {
  cart: Cart;
  /** By line key (a product may be on a loose line, a pack line and label lines). */
  onSetQty: (key: string, qty: number) => void;
  onRemove: (key: string) => void;
  onDiscount: (key: string) => void;
}

export function CartTable({ cart, onSetQty, onRemove, onDiscount }: Props) {
  const { t } = useI18n();
  if (cart.lines.length === 0) {
    return <div className="empty cart-empty">{t('counter.cart.empty')}</div>;
  }
  return (
    <div className="table-wrap">
      <table className="table cart-table" data-testid="cart">
        <thead>
          <tr>
            <th className="cart-col-index">#</th>
            <th>{t('counter.cart.item')}</th>
            <th className="num cart-col-qty">
              {t('common.quantity')}
            </th>
            <th className="num cart-col-amount">
              {t('counter.cart.amount')}
            </th>
            <th className="cart-col-actions" />
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((line, i) => (
            <CartRow key={line.key} index={i + 1} line={line} onSetQty={onSetQty} onRemove={onRemove} onDiscount={onDiscount} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CartRow({ index, line, onSetQty, onRemove, onDiscount }: { index: number; line: CartLine } & Omit<Props, 'cart'>) {
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { product, pack } = line;
  const labelled = line.label === true || line.labelPriceMinor !== undefined;
  // A pack line is edited in packs ("2" cartons); a scale label's weight is the label's.
  const shown = pack ? String(Math.round(line.qty / pack.qty)) : formatQuantity(line.qty, product.unit);
  const commit = () => {
    if (editing === null) return;
    const r = pack ? parsePackCount(editing, pack.qty, i18n) : parseCartQuantity(editing, product.unit, i18n);
    if ('error' in r) {
      setError(r.error);
      return;
    }
    onSetQty(line.key, r.qty);
    setEditing(null);
    setError(null);
  };
  return (
    <tr>
      <td className="muted">{index}</td>
      <td>
        <bdi className="cell-strong">{product.name}</bdi>
        <span className="cell-sub">
          <bdi className="mono">{product.sku}</bdi> ·{' '}
          {pack
            ? t('goods.cart.packPrice', { pack: pack.name, qty: formatQuantity(pack.qty, product.unit), price: i18n.money(lineTotal({ ...line, qty: pack.qty })) })
            : labelled
              ? t('goods.cart.label', { price: priceWithUnit(i18n, product.priceMinor, product.unit) })
              : product.unit === 'pc'
                ? t('counter.cart.each', { price: priceWithUnit(i18n, product.priceMinor, product.unit) })
                : priceWithUnit(i18n, product.priceMinor, product.unit)}
        </span>
      </td>
      <td className="num">
        <input
          className="input qty-input num"
          aria-label={t('counter.cart.qtyOf', { name: product.name })}
          aria-invalid={error ? 'true' : undefined}
          title={error ?? t('counter.cart.qtyTitle')}
          value={editing ?? shown}
          readOnly={labelled}
          onFocus={(e) => {
            if (labelled) return;
            setEditing(shown);
            e.target.select();
          }}
          onChange={(e) => setEditing(e.target.value)}
          onBlur={() => {
            setEditing(null);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey) {
              e.preventDefault();
              commit();
            }
          }}
        />
        {pack && (
          <span className="cell-sub" data-testid="pack-qty">
            {t('goods.cart.packQty', { count: Math.round(line.qty / pack.qty), pack: pack.name, qty: formatQuantity(line.qty, product.unit) })}
          </span>
        )}
        {error && <span className="field-error cell-sub">{error}</span>}
      </td>
      <td className="num cell-strong">
        {i18n.money(lineTotal(line))}
        {line.discount && (
          <span className="cell-sub discount-note" data-testid="line-discount">
            {t('bills.discount.shown', { amount: i18n.money(discountMinor(lineTotal(line), line.discount)) })}
          </span>
        )}
      </td>
      <td className="row-actions">
        <button className="btn btn-ghost btn-sm" aria-label={t('bills.discount.line', { name: product.name })} onClick={() => onDiscount(line.key)}>
          %
        </button>
        <button className="btn btn-ghost btn-sm" aria-label={t('counter.cart.remove', { name: product.name })} onClick={() => onRemove(line.key)}>
          ✕
        </button>
      </td>
    </tr>
  );
}
