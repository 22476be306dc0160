import { describe, expect, it } from 'vitest';
import { cartMoney, cartReducer, cartSale, cartTotal, emptyCart, parseCartQuantity, parsePackCount, splitQuantityPrefix, type CartProduct } from './cart';

const soap: CartProduct = { id: 'p1', sku: 'SOAP', name: 'Soap', unit: 'pc', priceMinor: 4500 };
const rice: CartProduct = { id: 'p2', sku: 'RICE', name: 'Rice', unit: 'g', priceMinor: 12000 };

describe('cart', () => {
  it('adds, merges a repeated scan into its line, and undoes scan by scan', () => {
    let c = cartReducer(emptyCart, { type: 'add', product: soap, qty: 1 });
    c = cartReducer(c, { type: 'add', product: rice, qty: 1500 });
    c = cartReducer(c, { type: 'add', product: soap, qty: 2 });
    expect(c.lines.map((l) => [l.product.sku, l.qty])).toEqual([
      ['SOAP', 3],
      ['RICE', 1500],
    ]);
    // 3 × ₹45 + 1.5 kg × ₹120/kg
    expect(cartTotal(c)).toBe(13500 + 18000);
    c = cartReducer(c, { type: 'undo' });
    expect(c.lines.map((l) => l.qty)).toEqual([1, 1500]);
    c = cartReducer(c, { type: 'undo' });
    expect(c.lines.map((l) => l.product.sku)).toEqual(['SOAP']);
    c = cartReducer(c, { type: 'undo' });
    expect(c.lines).toEqual([]);
    expect(cartReducer(c, { type: 'undo' })).toBe(c);
  });

  it('forgets undo steps of a removed line', () => {
    let c = cartReducer(emptyCart, { type: 'add', product: soap, qty: 1 });
    c = cartReducer(c, { type: 'add', product: rice, qty: 500 });
    c = cartReducer(c, { type: 'removeLine', key: 'p2' });
    c = cartReducer(c, { type: 'undo' });
    expect(c.lines).toEqual([]);
  });
});

describe('packs and scale labels in the cart', () => {
  const biscuit: CartProduct = { id: 'p3', sku: 'PARLE-G', name: 'Parle-G', unit: 'pc', priceMinor: 2500 };
  const carton = { name: 'carton', qty: 24, priceMinor: 55_000 };
  it('a packet, two cartons and three labelled bags are five lines of two products, each charged its own way', () => {
    let c = cartReducer(emptyCart, { type: 'add', product: biscuit, qty: 1 });
    c = cartReducer(c, { type: 'add', product: biscuit, qty: 24, pack: carton });
    c = cartReducer(c, { type: 'add', product: biscuit, qty: 24, pack: carton });
    c = cartReducer(c, { type: 'add', product: rice, qty: 1253, label: true });
    c = cartReducer(c, { type: 'add', product: rice, qty: 1253, label: true });
    c = cartReducer(c, { type: 'add', product: rice, qty: 640, label: true, labelPriceMinor: 7700 });
    expect(c.lines.map((l) => [l.product.sku, l.qty, l.pack?.name ?? null])).toEqual([
      ['PARLE-G', 1, null],
      ['PARLE-G', 48, 'carton'],
      ['RICE', 1253, null],
      ['RICE', 1253, null],
      ['RICE', 640, null],
    ]);
    // ₹25 + 2 × ₹550 + 2 × 1.253 kg at ₹120/kg + the label's ₹77
    expect(cartMoney(c).sales.map((s) => s.grossMinor)).toEqual([2500, 110_000, 15_036, 15_036, 7700]);
    expect(cartSale(c).lines[1]).toEqual({ product: 'p3', qty: 48, pack: 'carton' });
    expect(cartSale(c).lines[4]).toEqual({ product: 'p2', qty: 640, labelPriceMinor: 7700 });
    for (let i = 0; i < 3; i++) c = cartReducer(c, { type: 'undo' });
    expect(c.lines.map((l) => l.qty)).toEqual([1, 48]);
    c = cartReducer(c, { type: 'undo' });
    expect(c.lines.map((l) => l.qty)).toEqual([1, 24]);
  });
  it('a pack line is typed in whole packs', () => {
    expect(parsePackCount('3', 24)).toEqual({ qty: 72 });
    expect(parsePackCount('1.5', 24)).toHaveProperty('error');
    expect(parsePackCount('0', 24)).toHaveProperty('error');
  });
});

describe('typed quantities', () => {
  it('reads a bare number as pieces, or as kg / L for weighed goods', () => {
    expect(parseCartQuantity('3', 'pc')).toEqual({ qty: 3 });
    expect(parseCartQuantity('1.5', 'g')).toEqual({ qty: 1500 });
    expect(parseCartQuantity('500g', 'g')).toEqual({ qty: 500 });
    expect(parseCartQuantity('2 L', 'ml')).toEqual({ qty: 2000 });
  });

  it('refuses negative, zero, fractional pieces and the wrong unit', () => {
    expect(parseCartQuantity('-2', 'pc')).toEqual({ error: 'Quantity cannot be negative.' });
    expect(parseCartQuantity('0', 'pc')).toEqual({ error: 'Quantity must be more than zero.' });
    expect(parseCartQuantity('', 'pc')).toEqual({ error: 'Enter a quantity.' });
    expect(parseCartQuantity('1.5', 'pc')).toHaveProperty('error');
    expect(parseCartQuantity('2 kg', 'ml')).toHaveProperty('error');
  });

  it('splits a quantity typed before the code', () => {
    expect(splitQuantityPrefix('3*8901234')).toEqual({ qtyText: '3', code: '8901234' });
    expect(splitQuantityPrefix('1.5kg * RICE-1')).toEqual({ qtyText: '1.5kg', code: 'RICE-1' });
    expect(splitQuantityPrefix('8901234')).toEqual({ qtyText: null, code: '8901234' });
    expect(splitQuantityPrefix('Tata salt')).toEqual({ qtyText: null, code: 'Tata salt' });
  });
});
