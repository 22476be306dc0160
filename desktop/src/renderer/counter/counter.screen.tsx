import type { BaseUnit, Translator } from '@bazaar/shared';
import { useRef, useState } from 'react';
import type { ProductView, SaleResult, ScanView } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useSync } from '../sync/sync-context';
import { Notice } from '../ui/notice';
import { ProductPicker, type PickerHandle } from '../ui/product-picker';
import type { HeldCartView } from '../../core/bills/bills.api';
import { ReceiptDialog } from '../bills/receipt.dialog';
import { useApproval } from '../ui/approval.dialog';
import { useQuery } from '../api/use-query';
import { cartMoney, cartReducer, cartSale, emptyCart, parseCartQuantity, parsePackCount, type CartAction, type CartLine } from './cart';
import { CartTotals } from './cart-totals';
import { DiscountDialog } from './discount.dialog';
import { HeldCartsDialog } from './held-carts.dialog';
import { PaymentDialog } from './payment.dialog';
import type { CreditChoice, PaymentEntry } from './payment';
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
  const settings = useQuery(() => api.billSettings(), [api]);
  const cashStep = settings.data?.cashStepMinor ?? 1;
  const money = cartMoney(cart, cashStep);
  const total = money.totalMinor;
  const approval = useApproval();
  const [paying, setPaying] = useState(false);
  const [payError, setPayError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ number: string; changeMinor: number } | null>(null);
  const [discounting, setDiscounting] = useState<{ key: string } | 'bill' | null>(null);
  const [recalling, setRecalling] = useState(false);
  const [info, setInfo] = useState<string | null>(null);

  const add = (product: ProductView, qtyText: string | null, scan?: ScanView) => {
    setLastSale(null);
    if (scan?.pack) {
      // A pack's barcode: one pack, or as many as typed before it ("3*carton code").
      const counted = qtyText === null ? { qty: scan.pack.qty } : parsePackCount(qtyText, scan.pack.qty, i18n);
      if ('error' in counted) {
        setError(t('counter.sale.notAdded', { name: product.name, error: counted.error }));
        return;
      }
      dispatch({ type: 'add', product, qty: counted.qty, pack: scan.pack });
      return;
    }
    if (scan && scan.qty !== null) {
      // A scale label says its own weight (or its price, and so the weight at the shelf price).
      dispatch({ type: 'add', product, qty: scan.qty, label: true, labelPriceMinor: scan.labelPriceMinor ?? undefined });
      return;
    }
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
    setError(null);
    setPayError(null);
    setPaying(true);
  });

  const payWith = async (payments: PaymentEntry[], credit: CreditChoice | null) => {
    const cart = cartRef.current;
    setSelling(true);
    setPayError(null);
    try {
      const sale = await approval.run((a) => api.sell({ ...cartSale(cart), payments, ...(credit ? { credit } : {}), ...(a ? { approval: a } : {}) }));
      if (!sale) return;
      setLastUnits(new Map(cart.lines.map((l) => [l.product.id, l.product.unit])));
      dispatch({ type: 'clear' });
      setLastSale(sale);
      setPaying(false);
      setReceipt({ number: sale.billNumber, changeMinor: sale.changeMinor });
      sync.refresh();
    } catch (err) {
      setPayError(t('counter.sale.notSaved', { error: asApiError(err).message }));
    } finally {
      setSelling(false);
    }
  };

  const hold = useExclusive(async () => {
    await picker.current?.whenIdle();
    const cart = cartRef.current;
    if (cart.lines.length === 0) {
      setError(t('counter.sale.cartEmpty'));
      return;
    }
    try {
      await api.holdCart({ cart: cartSale(cart) });
      dispatch({ type: 'clear' });
      setLastSale(null);
      setError(null);
      setInfo(t('bills.hold.done', { lines: cart.lines.length }));
    } catch (err) {
      setError(t('bills.failed', { error: asApiError(err).message }));
    }
    picker.current?.focus();
  });

  const recall = async (held: HeldCartView) => {
    try {
      const taken = await api.recallCart({ id: held.id });
      const lines: Omit<CartLine, 'key'>[] = [];
      for (const l of taken.cart.lines) {
        const product = await api.findProduct({ code: l.product });
        const pack = l.pack === undefined ? undefined : product.packs.find((p) => p.name === l.pack);
        lines.push({ product, qty: l.qty, discount: l.discount, ...(pack ? { pack } : {}), ...(l.labelPriceMinor !== undefined ? { labelPriceMinor: l.labelPriceMinor } : {}) });
      }
      dispatch({ type: 'load', lines, billDiscount: taken.cart.billDiscount });
      setLastSale(null);
      setError(null);
      setInfo(t('bills.hold.recalled'));
    } catch (err) {
      setError(t('bills.failed', { error: asApiError(err).message }));
    }
    setRecalling(false);
    window.setTimeout(() => picker.current?.focus(), 0);
  };

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
    if (e.key === 'F10') {
      e.preventDefault();
      setInfo(null);
      if (!e.shiftKey) void hold();
      else if (cartRef.current.lines.length > 0) setError(t('bills.hold.cartNotEmpty'));
      else setRecalling(true);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'd' || e.key.toLowerCase() === 'b')) {
      e.preventDefault();
      const bill = e.key.toLowerCase() === 'b';
      // Right after a scan, the line it adds may still be being looked up.
      void picker.current?.whenIdle().then(() => {
        const last = cartRef.current.lines.at(-1);
        if (!last) setError(t('counter.sale.cartEmpty'));
        else setDiscounting(bill ? 'bill' : { key: last.key });
      });
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
            {info && !error && <Notice kind="info">{info}</Notice>}
            {lastSale && (
              <Notice kind="ok">
                {t('counter.sale.saved', { lines: lastSale.lines.length, total: i18n.money(lastSale.totalMinor) })}
                {sync.status?.state === 'offline' ? t('counter.sale.savedOffline') : ''}
              </Notice>
            )}
          </div>
          <div className="card">
            <CartTable
              cart={cart}
              onSetQty={(key, qty) => dispatch({ type: 'setQty', key, qty })}
              onRemove={(key) => {
                dispatch({ type: 'removeLine', key });
                picker.current?.focus();
              }}
              onDiscount={(key) => setDiscounting({ key })}
            />
          </div>
        </div>
        <aside className="card total-card" aria-label={t('counter.total')}>
          <div className="total-label">{t('counter.totalToPay')}</div>
          <div className="total-amount" data-testid="cart-total">
            <bdi>{i18n.money(total)}</bdi>
          </div>
          <CartTotals money={money} />
          <div className="total-meta">
            {itemCount === 0 ? t('counter.cartIsEmpty') : t('counter.cartMeta', { lines: itemCount, pieces: countPieces(i18n, cart.lines) })}
          </div>
          <button className="btn btn-primary btn-xl" disabled={selling || itemCount === 0} onClick={() => void completeSale()}>
            {selling ? t('common.saving') : t('counter.completeSale')} <kbd>F9</kbd>
          </button>
          <button className="btn" disabled={cart.undo.length === 0} onClick={undo}>
            {t('counter.undoLast')} <kbd>Ctrl+Z</kbd>
          </button>
          <div className="btn-row">
            <button className="btn btn-sm" disabled={itemCount === 0} onClick={() => void hold()}>
              {t('bills.hold.key')} <kbd>F10</kbd>
            </button>
            <button className="btn btn-sm" disabled={itemCount > 0} onClick={() => setRecalling(true)}>
              {t('bills.hold.recallKey')} <kbd>Shift+F10</kbd>
            </button>
          </div>
          <div className="btn-row">
            <button className="btn btn-sm" disabled={itemCount === 0} onClick={() => setDiscounting({ key: cart.lines.at(-1)?.key ?? '' })}>
              {t('bills.discount.lineKey')} <kbd>Ctrl+D</kbd>
            </button>
            <button className="btn btn-sm" disabled={itemCount === 0} onClick={() => setDiscounting('bill')}>
              {t('bills.discount.billKey')} <kbd>Ctrl+B</kbd>
            </button>
          </div>
          {lastSale && itemCount === 0 && (
            <ul className="receipt" aria-label={t('counter.lastSale')} data-testid="last-sale">
              {lastSale.lines.map((l) => (
                <li key={l.movementId}>
                  <span>
                    {l.name} <span className="muted">× <bdi>{i18n.qty(l.qty, unitOf(l.productId))}</bdi></span>
                  </span>
                  <span className="num">{i18n.money(l.lineTotalMinor)}</span>
                </li>
              ))}
              <li className="receipt-total">
                <span>{t('counter.lastSale')}</span>
                <span className="num">{i18n.money(lastSale.totalMinor)}</span>
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
      {paying && (
        <PaymentDialog
          due={total}
          methods={settings.data?.paymentMethods ?? []}
          busy={selling}
          error={payError}
          onPay={(payments, credit) => void payWith(payments, credit)}
          onClose={() => {
            setPaying(false);
            window.setTimeout(() => picker.current?.focus(), 0);
          }}
        />
      )}
      {receipt && (
        <ReceiptDialog
          number={receipt.number}
          changeMinor={receipt.changeMinor}
          onClose={() => {
            setReceipt(null);
            // After the dialog has gone (closing it gives focus back to where it was opened).
            window.setTimeout(() => picker.current?.focus(), 0);
          }}
        />
      )}
      {discounting && (
        <DiscountDialog
          title={discounting === 'bill' ? t('bills.discount.bill') : t('bills.discount.line', { name: cart.lines.find((l) => l.key === discounting.key)?.product.name ?? '' })}
          current={discounting === 'bill' ? cart.billDiscount : cart.lines.find((l) => l.key === discounting.key)?.discount}
          onApply={(discount) => {
            dispatch(discounting === 'bill' ? { type: 'billDiscount', discount } : { type: 'lineDiscount', key: discounting.key, discount });
            setDiscounting(null);
            picker.current?.focus();
          }}
          onClose={() => {
            setDiscounting(null);
            picker.current?.focus();
          }}
        />
      )}
      {recalling && <HeldCartsDialog onRecall={(h) => void recall(h)} onClose={() => setRecalling(false)} />}
      {approval.prompt}
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
