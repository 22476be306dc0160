import { billTotals, createTranslator, lineTotalMinor, packPriceMinor, parseQuantity, UnitError, type BaseUnit, type BillMoney, type Discount, type Pack, type Translator } from '@bazaar/shared';

const english = createTranslator({ locale: 'en' });

/** What the cart needs to know about a product (a subset of the core's ProductView). */
export interface CartProduct {
  id: string;
  sku: string;
  name: string;
  unit: BaseUnit;
  priceMinor: number;
}

export interface CartLine {
  /** One line per product sold loose, per pack of it, and per scale label (each bag is its own line). */
  key: string;
  product: CartProduct;
  /** Integer base units (pieces, grams or millilitres). */
  qty: number;
  /** A line discount the cashier gave (the core checks it against the store's limit). */
  discount?: Discount | undefined;
  /** Sold as this pack (qty is whole packs), at its price. */
  pack?: Pick<Pack, 'name' | 'qty' | 'priceMinor'> | undefined;
  /** A price-embedded scale label's printed price: what the line charges. */
  labelPriceMinor?: number | undefined;
  /** From a scale label: its weight is the label's. */
  label?: boolean | undefined;
}

export interface Cart {
  lines: CartLine[];
  billDiscount?: Discount | undefined;
  /** Most recent first: what "undo last line" takes back. */
  undo: { key: string; previousQty: number | null }[];
  /** Scale-label lines taken so far (each gets its own key). */
  labels?: number;
}

export const emptyCart: Cart = { lines: [], undo: [] };

export type CartAction =
  | { type: 'add'; product: CartProduct; qty: number; pack?: CartLine['pack']; labelPriceMinor?: number | undefined; label?: boolean }
  | { type: 'setQty'; key: string; qty: number }
  | { type: 'removeLine'; key: string }
  | { type: 'lineDiscount'; key: string; discount: Discount | undefined }
  | { type: 'billDiscount'; discount: Discount | undefined }
  | { type: 'load'; lines: Omit<CartLine, 'key'>[]; billDiscount: Discount | undefined }
  | { type: 'undo' }
  | { type: 'clear' };

function keyOf(productId: string, pack: CartLine['pack'], label: number | null): string {
  if (label !== null) return `${productId}#label${label}`;
  return pack ? `${productId}#pack#${pack.name}` : productId;
}

/** Scanning a product (or the same pack of it) already in the cart adds to its line, as a cashier expects; a scale label is its own line. */
export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case 'add': {
      const labelled = action.label === true || action.labelPriceMinor !== undefined;
      const labels = (cart.labels ?? 0) + (labelled ? 1 : 0);
      const key = keyOf(action.product.id, action.pack, labelled ? labels : null);
      const existing = cart.lines.find((l) => l.key === key);
      const line: CartLine = { key, product: action.product, qty: action.qty, ...(action.pack ? { pack: action.pack } : {}), ...(action.labelPriceMinor !== undefined ? { labelPriceMinor: action.labelPriceMinor } : {}), ...(labelled ? { label: true } : {}) };
      const lines = existing ? cart.lines.map((l) => (l === existing ? { ...l, qty: l.qty + action.qty } : l)) : [...cart.lines, line];
      return { ...cart, lines, labels, undo: [{ key, previousQty: existing?.qty ?? null }, ...cart.undo] };
    }
    case 'setQty':
      return { ...cart, lines: cart.lines.map((l) => (l.key === action.key ? { ...l, qty: action.qty } : l)) };
    case 'lineDiscount':
      return { ...cart, lines: cart.lines.map((l) => (l.key === action.key ? { ...l, discount: action.discount } : l)) };
    case 'billDiscount':
      return { ...cart, billDiscount: action.discount };
    case 'load':
      return { lines: action.lines.map((l, i) => ({ ...l, key: keyOf(l.product.id, l.pack, l.label || l.labelPriceMinor !== undefined ? i + 1 : null) })), billDiscount: action.billDiscount, undo: [], labels: action.lines.length };
    case 'removeLine':
      return {
        ...cart,
        lines: cart.lines.filter((l) => l.key !== action.key),
        undo: cart.undo.filter((u) => u.key !== action.key),
      };
    case 'undo': {
      const [last, ...rest] = cart.undo;
      if (!last) return cart;
      const lines =
        last.previousQty === null
          ? cart.lines.filter((l) => l.key !== last.key)
          : cart.lines.map((l) => (l.key === last.key ? { ...l, qty: last.previousQty ?? l.qty } : l));
      return { ...cart, lines, undo: rest };
    }
    case 'clear':
      return emptyCart;
  }
}

/** What a line charges before discounts: a pack at its pack price, a scale label at its printed price, else qty × price. */
export function lineGross(line: CartLine): number | undefined {
  if (line.labelPriceMinor !== undefined) return line.labelPriceMinor;
  if (line.pack) return packPriceMinor(Math.round(line.qty / line.pack.qty), line.pack, { priceMinor: line.product.priceMinor, perQty: line.product.unit === 'pc' ? 1 : 1000 });
  return undefined;
}

export function lineTotal(line: CartLine): number {
  return lineGross(line) ?? lineTotalMinor(line.product.priceMinor, line.qty, line.product.unit);
}

export function cartTotal(cart: Cart, cashStepMinor = 1): number {
  return cartMoney(cart, cashStepMinor).totalMinor;
}

/** The cart's figures with its discounts, by the same arithmetic the core bills with. */
export function cartMoney(cart: Cart, cashStepMinor = 1): BillMoney {
  return billTotals({
    sales: cart.lines.map((l) => ({ qty: l.qty, unit: l.product.unit, unitPriceMinor: l.product.priceMinor, discount: l.discount ?? null, grossMinor: lineGross(l) })),
    refunds: [],
    billDiscount: cart.billDiscount ?? null,
    cashStepMinor,
  });
}

/** The cart as the core's sell and holdCart take it. */
export function cartSale(cart: Cart) {
  return {
    lines: cart.lines.map((l) => ({
      product: l.product.id,
      qty: l.qty,
      ...(l.discount ? { discount: l.discount } : {}),
      ...(l.pack ? { pack: l.pack.name } : {}),
      ...(l.labelPriceMinor !== undefined ? { labelPriceMinor: l.labelPriceMinor } : {}),
    })),
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

/** A pack line's quantity, typed as a whole number of packs: base units back. */
export function parsePackCount(text: string, packQty: number, t: Translator = english): { qty: number } | { error: string } {
  const typed = text.trim();
  if (!/^\d+$/.test(typed)) return { error: t.t('goods.cart.packCount') };
  const count = Number(typed);
  if (count < 1) return { error: t.t('qty.positive') };
  return { qty: count * packQty };
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
