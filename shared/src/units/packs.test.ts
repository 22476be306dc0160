import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QTY } from './units';
import { breakDownIntoPacks, formatPackBreakdown, packByBarcode, packPriceMinor, packSchema, packsSchema, packsToBase, parsePackQuantity } from './packs';

const carton = packSchema.parse({ name: 'carton', qty: 24, barcode: '8901063000241' });
const dozen = packSchema.parse({ name: 'dozen', qty: 12 });
const bag = packSchema.parse({ name: '5 kg bag', qty: 5000, priceMinor: 30_000 });

describe('packs', () => {
  it('a carton scanned is 24 pieces; its barcode finds it', () => {
    expect(packsToBase(1, carton)).toBe(24);
    expect(packsToBase(3, carton)).toBe(72);
    expect(packByBarcode([dozen, carton], '8901063000241')).toBe(carton);
    expect(packByBarcode([dozen, carton], '8901063000242')).toBeUndefined();
  });

  it('reads stock as packs, largest first: 77 pc = 3 carton + 5 pc', () => {
    expect(breakDownIntoPacks(77, [dozen, carton])).toEqual({ packs: [{ name: 'carton', qty: 24, count: 3 }], rest: 5 });
    expect(breakDownIntoPacks(89, [dozen, carton])).toEqual({ packs: [{ name: 'carton', qty: 24, count: 3 }, { name: 'dozen', qty: 12, count: 1 }], rest: 5 });
    expect(formatPackBreakdown(breakDownIntoPacks(77, [dozen, carton]), 'pc')).toBe('3 carton + 5 pc');
    expect(formatPackBreakdown(breakDownIntoPacks(0, [carton]), 'pc')).toBe('0 pc');
    expect(formatPackBreakdown(breakDownIntoPacks(-30, [carton]), 'pc')).toBe('-(1 carton + 6 pc)');
  });

  it('prices a pack by its own price, or by its base units at the unit price', () => {
    expect(packPriceMinor(2, bag, { priceMinor: 6500, perQty: 1000 })).toBe(60_000);
    expect(packPriceMinor(1, carton, { priceMinor: 1000, perQty: 1 })).toBe(24_000);
  });

  it('refuses packs that would be ambiguous or empty', () => {
    expect(packSchema.safeParse({ name: 'one', qty: 1 }).success).toBe(false);
    expect(packSchema.safeParse({ name: 'half', qty: 1.5 }).success).toBe(false);
    expect(packsSchema.safeParse([carton, { ...dozen, name: 'Carton' }]).success).toBe(false);
    expect(packsSchema.safeParse([carton, { ...dozen, qty: 24 }]).success).toBe(false);
    expect(packsSchema.safeParse([carton, { ...dozen, barcode: carton.barcode }]).success).toBe(false);
    expect(packsSchema.safeParse([carton, dozen, bag]).success).toBe(true);
    expect(() => packsToBase(1.5, carton)).toThrow(RangeError);
    expect(() => packsToBase(MAX_QTY, carton)).toThrow(RangeError);
  });

  it('over random pack sets and quantities: nothing is lost and the rest is smaller than any pack', () => {
    const packsArb = fc.uniqueArray(fc.integer({ min: 2, max: 10_000 }), { minLength: 1, maxLength: 6 }).map((sizes) => sizes.map((qty, i) => ({ name: `p${i}`, qty })));
    fc.assert(
      fc.property(packsArb, fc.integer({ min: -MAX_QTY, max: MAX_QTY }), (packs, qty) => {
        const b = breakDownIntoPacks(qty, packs);
        expect(b.packs.reduce((sum, p) => sum + p.count * p.qty, 0) + b.rest).toBe(qty);
        expect(Math.abs(b.rest)).toBeLessThan(Math.min(...packs.map((p) => p.qty)));
        for (const p of b.packs) expect(Math.sign(p.count)).toBe(Math.sign(qty));
        // Counts typed back in packs give the same base quantity.
        expect(b.packs.reduce((sum, p) => sum + Math.sign(p.count) * packsToBase(Math.abs(p.count), p), 0) + b.rest).toBe(qty);
      }),
      { numRuns: 1000 },
    );
  });

  it('nested packs (a carton of 4 dozen) break down with no rest beyond the pieces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.nat(100_000), (perBox, boxesPerCarton, qty) => {
        const packs = [{ name: 'box', qty: perBox }, { name: 'carton', qty: perBox * boxesPerCarton }];
        const b = breakDownIntoPacks(qty, packs);
        const boxes = b.packs.find((p) => p.name === 'box')?.count ?? 0;
        expect(boxes).toBeLessThan(boxesPerCarton);
        expect(b.rest).toBeLessThan(perBox);
      }),
      { numRuns: 500 },
    );
  });
});

describe('typed pack quantities', () => {
  const packs = [carton, dozen];
  it('"3 cartons" is 72 pc; a plain number or a unit is read as before', () => {
    expect(parsePackQuantity('3 cartons', 'pc', packs)).toEqual({ qty: 72, pack: { name: 'carton', qty: 24, count: 3 } });
    expect(parsePackQuantity('1 Carton', 'pc', packs)).toEqual({ qty: 24, pack: { name: 'carton', qty: 24, count: 1 } });
    expect(parsePackQuantity('2dozen', 'pc', packs)).toEqual({ qty: 24, pack: { name: 'dozen', qty: 12, count: 2 } });
    expect(parsePackQuantity('5', 'pc', packs)).toEqual({ qty: 5, pack: null });
    expect(parsePackQuantity('1.5 kg', 'g', [bag])).toEqual({ qty: 1500, pack: null });
    expect(parsePackQuantity('2 5 kg bags', 'g', [bag])).toEqual({ qty: 10_000, pack: { name: '5 kg bag', qty: 5000, count: 2 } });
  });
  it('refuses half a carton, no cartons and unknown words', () => {
    expect(() => parsePackQuantity('1.5 carton', 'pc', packs)).toThrow(/whole/);
    expect(() => parsePackQuantity('0 carton', 'pc', packs)).toThrow(/at least one/);
    expect(() => parsePackQuantity('3 crates', 'pc', packs)).toThrow(/unknown unit/);
  });
  it('round-trips any count of any pack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5000 }), fc.integer({ min: 1, max: 10_000 }), (size, count) => {
        fc.pre(size * count <= MAX_QTY);
        const r = parsePackQuantity(`${count} boxes`, 'pc', [{ name: 'box', qty: size }]);
        expect(r).toEqual({ qty: size * count, pack: { name: 'box', qty: size, count } });
      }),
    );
  });
});
