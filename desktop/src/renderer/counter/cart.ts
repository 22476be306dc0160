import { billTotals, createTranslator, lineTotalPaise, parseQuantity, UnitError, type BaseUnit, type BillMoney, type Discount, type Translator } from '@bazaar/shared';

const english = createTranslator({ locale: 'en' });

/** What the cart needs to know about a product (a subset of the core's ProductView). */
export interface CartProduct {
  id: string;
  sku: string;
  name: string;
  unit: BaseUnit;
  pricePaise: number;
}

export interface CartLine {
  product: CartProduct;
  /** Integer base units (pieces, grams or millilitres). */
  qty: number;
  /** A line discount the cashier gave (the core checks it against the store's limit). */
  discount?: Discount | undefined;
}

export interface Cart {
  lines: CartLine[];
  billDiscount?: Discount | undefined;
  /** Most recent first: what "undo last line" takes back. */
  undo: { productId: string; previousQty: number | null }[];
}

export const emptyCart: Cart = { lines: [], undo: [] };

export type CartAction =
  | { type: 'add'; product: CartProduct; qty: number }
  | { type: 'setQty'; productId: string; qty: number }
  | { type: 'removeLine'; productId: string }
  | { type: 'lineDiscount'; productId: string; discount: Discount | undefined }
  | { type: 'billDiscount'; discount: Discount | undefined }
  | { type: 'load'; lines: CartLine[]; billDiscount: Discount | undefined }
  | { type: 'undo' }
  | { type: 'clear' };

/** Scanning a product already in the cart adds to its line, as a cashier expects. */
export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case 'add': {
      const existing = cart.lines.find((l) => l.product.id === action.product.id);
      const lines = existing
        ? cart.lines.map((l) => (l === existing ? { ...l, qty: l.qty + action.qty } : l))
        : [...cart.lines, { product: action.product, qty: action.qty }];
      return { ...cart, lines, undo: [{ productId: action.product.id, previousQty: existing?.qty ?? null }, ...cart.undo] };
    }
    case 'setQty':
      return { ...cart, lines: cart.lines.map((l) => (l.product.id === action.productId ? { ...l, qty: action.qty } : l)) };
    case 'lineDiscount':
      return { ...cart, lines: cart.lines.map((l) => (l.product.id === action.productId ? { ...l, discount: action.discount } : l)) };
    case 'billDiscount':
      return { ...cart, billDiscount: action.discount };
    case 'load':
      return { lines: action.lines, billDiscount: action.billDiscount, undo: [] };
    case 'removeLine':
      return {
        ...cart,
        lines: cart.lines.filter((l) => l.product.id !== action.productId),
        undo: cart.undo.filter((u) => u.productId !== action.productId),
      };
    case 'undo': {
      const [last, ...rest] = cart.undo;
      if (!last) return cart;
      const lines =
        last.previousQty === null
          ? cart.lines.filter((l) => l.product.id !== last.productId)
          : cart.lines.map((l) => (l.product.id === last.productId ? { ...l, qty: last.previousQty ?? l.qty } : l));
      return { ...cart, lines, undo: rest };
    }
    case 'clear':
      return emptyCart;
  }
}

export function lineTotal(line: CartLine): number {
  return lineTotalPaise(line.product.pricePaise, line.qty, line.product.unit);
}

export function cartTotal(cart: Cart, cashStepPaise = 1): number {
  return cartMoney(cart, cashStepPaise).totalPaise;
}

/** The cart's figures with its discounts, by the same arithmetic the core bills with. */
export function cartMoney(cart: Cart, cashStepPaise = 1): BillMoney {
  return billTotals({
    sales: cart.lines.map((l) => ({ qty: l.qty, unit: l.product.unit, unitPricePaise: l.product.pricePaise, discount: l.discount ?? null })),
    refunds: [],
    billDiscount: cart.billDiscount ?? null,
    cashStepPaise,
  });
}

/** The cart as the core's sell and holdCart take it. */
export function cartSale(cart: Cart) {
  return {
    lines: cart.lines.map((l) => ({ product: l.product.id, qty: l.qty, ...(l.discount ? { discount: l.discount } : {}) })),
    ...(cart.billDiscount ? { billDiscount: cart.billDiscount } : {}),
  };
}

/** "3*8901234" or "1.5kg*rice": a quantity typed before the code, as on a cash register. */
export function splitQuantityPrefix(text: string): { qtyText: string | null; code: string } {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?\s*[a-zA-Z]*)\s*[*xX×]\s*(\S.*)$/.exec(text);
  if (!m) return { qtyText: null, code: text.trim() };
  return { qtyText: (m[1] ?? '').trim(), code: (m[2] ?? '').trim() };
}

/**
 * Parse a typed quantity for a product. A bare number means pieces for counted goods and
 * kilograms / litres for weighed goods ("1.5" of rice is 1.5 kg, not 1.5 g), because that
 * is how a shopkeeper says it.
 */
export function parseCartQuantity(text: string, unit: BaseUnit, t: Translator = english): { qty: number } | { error: string } {
  const r = parseTypedQuantity(text, unit, t);
  if ('qty' in r && r.qty <= 0) return { error: t.t('qty.positive') };
  return r;
}

/** Like parseCartQuantity, but zero is a valid answer (an empty shelf is a count of 0). */
export function parseTypedQuantity(text: string, unit: BaseUnit, t: Translator = english): { qty: number } | { error: string } {
  const typed = text.trim();
  if (typed === '') return { error: t.t('qty.enter') };
  if (typed.startsWith('-')) return { error: t.t('qty.negative') };
  const bare = /^\d+(?:\.\d+)?$/.test(typed);
  const withUnit = bare && unit !== 'pc' ? `${typed} ${unit === 'g' ? 'kg' : 'l'}` : typed;
  try {
    return { qty: parseQuantity(withUnit, unit) };
  } catch (err) {
    // The parser's own words are English; other languages get the hint of what to type.
    if (err instanceof UnitError) return { error: t.locale === 'en' ? sentence(err.message) : t.t('qty.invalid', { hint: t.t(`unit.word.${unit}`) }) };
    throw err;
  }
}

function sentence(s: string): string {
  const t = s.charAt(0).toUpperCase() + s.slice(1);
  return t.endsWith('.') ? t : `${t}.`;
}
