import type { BaseUnit, Translator } from '@bazaar/shared';
import { useRef, useState } from 'react';
import type { ProductView, SaleResult } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useSync } from '../sync/sync-context';
import { Notice } from '../ui/notice';
import { ProductPicker, type PickerHandle } from '../ui/product-picker';
import { cartReducer, cartTotal, emptyCart, parseCartQuantity, type CartAction } from './cart';
import { CartTable } from './cart-table';
import { WeightPrompt } from './weight-prompt';
import { Screen } from '../ui/screen';
import { useExclusive } from '../ui/use-exclusive';
import { useWindowKeys } from '../ui/use-window-keys';

export function CounterScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const sync = useSync();
  // The cart lives in a ref as well as in state: F9 right after a scan must see the line that
  // scan adds, before React has re-rendered.
  const [cart, setCart] = useState(emptyCart);
  const cartRef = useRef(cart);
  const dispatch = (action: CartAction) => {
    cartRef.current = cartReducer(cartRef.current, action);
    setCart(cartRef.current);
  };
  const weighingRef = useRef<ProductView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [weighing, setWeighing] = useState<ProductView | null>(null);
  const [lastSale, setLastSale] = useState<SaleResult | null>(null);
  const [lastUnits, setLastUnits] = useState<Map<string, BaseUnit>>(new Map());
  const unitOf = (productId: string): BaseUnit => lastUnits.get(productId) ?? 'pc';
  const [selling, setSelling] = useState(false);
  const picker = useRef<PickerHandle>(null);
  const total = cartTotal(cart);

  const add = (product: ProductView, qtyText: string | null) => {
    setLastSale(null);
    if (qtyText === null && product.unit !== 'pc') {
      weighingRef.current = product;
      setWeighing(product);
      return;
    }
    const parsed = parseCartQuantity(qtyText ?? '1', product.unit, i18n);
    if ('error' in parsed) {
      setError(t('counter.sale.notAdded', { name: product.name, error: parsed.error }));
      return;
    }
    dispatch({ type: 'add', product, qty: parsed.qty });
  };

  // Two quick F9 presses must not both start a sale of the same cart.
  const completeSale = useExclusive(async () => {
    // A scanner's last code may still be being looked up: the sale includes it.
    await picker.current?.whenIdle();
    const cart = cartRef.current;
    if (weighingRef.current) {
      setError(t(weighingRef.current.unit === 'g' ? 'counter.sale.weightFirst' : 'counter.sale.volumeFirst', { name: weighingRef.current.name }));
      return;
    }
    if (cart.lines.length === 0) {
      setError(t('counter.sale.cartEmpty'));
      picker.current?.focus();
      return;
    }
    setSelling(true);
    setError(null);
    try {
      const sale = await api.sell({ lines: cart.lines.map((l) => ({ product: l.product.id, qty: l.qty })) });
      setLastUnits(new Map(cart.lines.map((l) => [l.product.id, l.product.unit])));
      dispatch({ type: 'clear' });
      setLastSale(sale);
      sync.refresh();
    } catch (err) {
      setError(t('counter.sale.notSaved', { error: asApiError(err).message }));
    } finally {
      setSelling(false);
      picker.current?.focus();
    }
  });

  const undo = () => {
    dispatch({ type: 'undo' });
    setError(null);
    picker.current?.focus();
  };

  // Screen-wide keys: a scanner may type while focus is on a button, and F9 / Ctrl+Enter
  // must complete the sale from anywhere on the screen.
  useWindowKeys((e) => {
    if (document.querySelector('dialog[open]')) return;
    if (e.key === 'F9' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      void completeSale();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      undo();
      return;
    }
    const el = e.target as HTMLElement | null;
    const typing = el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA');
    if (!typing && e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      picker.current?.type(e.key);
    }
  });

  const itemCount = cart.lines.length;
  return (
    <Screen name="counter" title={t('counter.nav.counter')} intro={t('counter.intro')}>
      <div className="two-col counter-layout">
        <div className="stack">
          <div className="card card-pad stack">
            <ProductPicker
              ref={picker}
              id="scan"
              label={t('counter.scan.label')}
              placeholder={t('counter.scan.placeholder')}
              size="xl"
              autoFocus
              allowQtyPrefix
              invalid={!!error}
              onPick={add}
              onError={setError}
            />
            {weighing && (
              <WeightPrompt
                product={weighing}
                onDone={(qty) => {
                  dispatch({ type: 'add', product: weighing, qty });
                  weighingRef.current = null;
                  setWeighing(null);
                  setError(null);
                  picker.current?.focus();
                }}
                onCancel={() => {
                  weighingRef.current = null;
                  setWeighing(null);
                  picker.current?.focus();
                }}
              />
            )}
            {error && <Notice kind="error">{error}</Notice>}
            {lastSale && (
              <Notice kind="ok">
                {t('counter.sale.saved', { lines: lastSale.lines.length, total: i18n.money(lastSale.totalPaise) })}
                {sync.status?.state === 'offline' ? t('counter.sale.savedOffline') : ''}
              </Notice>
            )}
          </div>
          <div className="card">
            <CartTable
              cart={cart}
              onSetQty={(productId, qty) => dispatch({ type: 'setQty', productId, qty })}
              onRemove={(productId) => {
                dispatch({ type: 'removeLine', productId });
                picker.current?.focus();
              }}
            />
          </div>
        </div>
        <aside className="card total-card" aria-label={t('counter.total')}>
          <div className="total-label">{t('counter.totalToPay')}</div>
          <div className="total-amount" data-testid="cart-total">
            <bdi>{i18n.money(total)}</bdi>
          </div>
          <div className="total-meta">
            {itemCount === 0 ? t('counter.cartIsEmpty') : t('counter.cartMeta', { lines: itemCount, pieces: countPieces(i18n, cart.lines) })}
          </div>
          <button className="btn btn-primary btn-xl" disabled={selling || itemCount === 0} onClick={() => void completeSale()}>
            {selling ? t('common.saving') : t('counter.completeSale')} <kbd>F9</kbd>
          </button>
          <button className="btn" disabled={cart.undo.length === 0} onClick={undo}>
            {t('counter.undoLast')} <kbd>Ctrl+Z</kbd>
          </button>
          {lastSale && itemCount === 0 && (
            <ul className="receipt" aria-label={t('counter.lastSale')} data-testid="last-sale">
              {lastSale.lines.map((l) => (
                <li key={l.movementId}>
                  <span>
                    {l.name} <span className="muted">× <bdi>{i18n.qty(l.qty, unitOf(l.productId))}</bdi></span>
                  </span>
                  <span className="num">{i18n.money(l.lineTotalPaise)}</span>
                </li>
              ))}
              <li className="receipt-total">
                <span>{t('counter.lastSale')}</span>
                <span className="num">{i18n.money(lastSale.totalPaise)}</span>
              </li>
            </ul>
          )}
          <div className="kbd-hints">
            <span>
              <kbd>Enter</kbd> {t('counter.hint.add')}
            </span>
            <span>
              <kbd>↑</kbd>
              <kbd>↓</kbd> {t('counter.hint.pick')}
            </span>
            <span>
              <kbd>Esc</kbd> {t('counter.hint.clear')}
            </span>
            <span>
              <kbd>Ctrl+Enter</kbd> {t('counter.hint.complete')}
            </span>
          </div>
        </aside>
      </div>
    </Screen>
  );
}

function countPieces(i18n: Translator, lines: { product: { unit: 'pc' | 'g' | 'ml' }; qty: number }[]): string {
  const pcs = lines.filter((l) => l.product.unit === 'pc').reduce((s, l) => s + l.qty, 0);
  const weighed = lines.length - lines.filter((l) => l.product.unit === 'pc').length;
  const parts = [];
  if (pcs > 0) parts.push(i18n.qty(pcs, 'pc'));
  if (weighed > 0) parts.push(i18n.t('counter.weighed', { count: weighed }));
  return parts.join(' + ');
}
