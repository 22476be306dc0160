import { discountPaise, formatQuantity } from '@bazaar/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { priceWithUnit } from '../ui/format';
import { lineTotal, parseCartQuantity, type Cart, type CartLine } from './cart';

interface Props {
  cart: Cart;
  onSetQty: (productId: string, qty: number) => void;
  onRemove: (productId: string) => void;
  onDiscount: (productId: string) => void;
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
            <th style={{ width: '2.5rem' }}>#</th>
            <th>{t('counter.cart.item')}</th>
            <th className="num" style={{ width: '8rem' }}>
              {t('common.quantity')}
            </th>
            <th className="num" style={{ width: '7.5rem' }}>
              {t('counter.cart.amount')}
            </th>
            <th style={{ width: '5.5rem' }} />
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((line, i) => (
            <CartRow key={line.product.id} index={i + 1} line={line} onSetQty={onSetQty} onRemove={onRemove} onDiscount={onDiscount} />
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
  const { product } = line;
  const commit = () => {
    if (editing === null) return;
    const r = parseCartQuantity(editing, product.unit, i18n);
    if ('error' in r) {
      setError(r.error);
      return;
    }
    onSetQty(product.id, r.qty);
    setEditing(null);
    setError(null);
  };
  return (
    <tr>
      <td className="muted">{index}</td>
      <td>
        <bdi className="cell-strong">{product.name}</bdi>
        <span className="cell-sub">
          <bdi className="mono">{product.sku}</bdi> · {product.unit === 'pc' ? t('counter.cart.each', { price: priceWithUnit(i18n, product.pricePaise, product.unit) }) : priceWithUnit(i18n, product.pricePaise, product.unit)}
        </span>
      </td>
      <td className="num">
        <input
          className="input qty-input num"
          aria-label={t('counter.cart.qtyOf', { name: product.name })}
          aria-invalid={error ? 'true' : undefined}
          title={error ?? t('counter.cart.qtyTitle')}
          value={editing ?? formatQuantity(line.qty, product.unit)}
          onFocus={(e) => {
            setEditing(formatQuantity(line.qty, product.unit));
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
        {error && <span className="field-error cell-sub">{error}</span>}
      </td>
      <td className="num cell-strong">
        {i18n.money(lineTotal(line))}
        {line.discount && (
          <span className="cell-sub discount-note" data-testid="line-discount">
            {t('bills.discount.shown', { amount: i18n.money(discountPaise(lineTotal(line), line.discount)) })}
          </span>
        )}
      </td>
      <td className="row-actions">
        <button className="btn btn-ghost btn-sm" aria-label={t('bills.discount.line', { name: product.name })} onClick={() => onDiscount(product.id)}>
          %
        </button>
        <button className="btn btn-ghost btn-sm" aria-label={t('counter.cart.remove', { name: product.name })} onClick={() => onRemove(product.id)}>
          ✕
        </button>
      </td>
    </tr>
  );
}
