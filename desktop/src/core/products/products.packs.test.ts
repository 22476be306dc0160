import { scaleLabelBarcode, withGtinCheckDigit, type ScaleLayout } from '@bazaar/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreCore } from '../store-core';
import { expectError } from '../testing/expect-error';
import { tempStore } from '../testing/temp-store';

let core: StoreCore;
let cleanup: () => Promise<void>;

const weightLayout: ScaleLayout = { prefix: '21', itemDigits: 5, value: 'weight', valueStep: 1 };
const priceLayout: ScaleLayout = { prefix: '22', itemDigits: 5, value: 'price', valueStep: 1 };
const carton = { name: 'carton', qty: 24, barcode: '18901063000241', priceMinor: 55_000 };

beforeEach(async () => {
  ({ core, cleanup } = await tempStore());
  await core.addProduct({ sku: 'PARLE-G', barcode: '8901063000241', name: 'Parle-G 70g', unit: 'pc', priceMinor: 2500, costMinor: 2100, packs: [carton, { name: 'dozen', qty: 12, barcode: '28901063000128' }] });
  await core.addProduct({ sku: 'ATTA-LOOSE', barcode: scaleLabelBarcode(weightLayout, '04217'), name: 'Chakki Atta (loose)', unit: 'g', priceMinor: 6000, costMinor: 4800 });
  await core.addProduct({ sku: 'SUGAR-LOOSE', barcode: scaleLabelBarcode(priceLayout, '00042'), name: 'Sugar (loose)', unit: 'g', priceMinor: 4800, costMinor: 4000 });
  await core.updateBillSettings({ scaleLayouts: [weightLayout, priceLayout] });
  await core.stockIn({ product: 'PARLE-G', qty: 100 });
  await core.stockIn({ product: 'ATTA-LOOSE', qty: 20_000 });
  await core.stockIn({ product: 'SUGAR-LOOSE', qty: 20_000 });
});
afterEach(async () => cleanup());

describe('packs and scale labels at the counter', () => {
  it('a scan reads a product, a pack, a weight label and a price label', async () => {
    expect(await core.scanCode({ code: '8901063000241' })).toMatchObject({ product: { sku: 'PARLE-G' }, pack: null, qty: null });
    expect(await core.scanCode({ code: carton.barcode })).toMatchObject({ product: { sku: 'PARLE-G' }, pack: carton, qty: 24, labelPriceMinor: null });
    // 21 04217 01253 c: 1,253 g of atta.
    expect(await core.scanCode({ code: withGtinCheckDigit('210421701253') })).toMatchObject({ product: { sku: 'ATTA-LOOSE' }, pack: null, qty: 1253, labelPriceMinor: null });
    // 22 00042 07520 c: ₹75.20 of sugar at ₹48/kg is 1,567 g (to the gram).
    expect(await core.scanCode({ code: withGtinCheckDigit('220004207520') })).toMatchObject({ product: { sku: 'SUGAR-LOOSE' }, qty: 1567, labelPriceMinor: 7520 });
  });

  it('refuses a misread label, a label for an unknown item and codes nobody has', async () => {
    const good = withGtinCheckDigit('210421701253');
    const bad = `${good.slice(0, 12)}${(Number(good.at(-1)) + 1) % 10}`;
    await expectError(core.scanCode({ code: bad }), 'UNPROCESSABLE', /check digit/);
    await expectError(core.scanCode({ code: withGtinCheckDigit('219999901253') }), 'NOT_FOUND', /label barcode/);
    await expectError(core.scanCode({ code: withGtinCheckDigit('250000001253') }), 'NOT_FOUND');
  });

  it('an in-store code a product really carries is that product, not a label', async () => {
    const code = withGtinCheckDigit('211111100500');
    await core.addProduct({ sku: 'HOUSE-BRAND', barcode: code, name: 'House tea', unit: 'pc', priceMinor: 9900 });
    expect(await core.scanCode({ code })).toMatchObject({ product: { sku: 'HOUSE-BRAND' }, qty: null });
  });

  it('one bill: a packet, a carton at its pack price and two labelled bags; stock, lines and receipt agree', async () => {
    const atta = await core.scanCode({ code: withGtinCheckDigit('210421701253') });
    const sugar = await core.scanCode({ code: withGtinCheckDigit('220004207520') });
    const sale = await core.sell({
      lines: [
        { product: 'PARLE-G', qty: 1 },
        { product: 'PARLE-G', qty: 24, pack: 'carton' },
        { product: 'ATTA-LOOSE', qty: atta.qty! },
        { product: 'SUGAR-LOOSE', qty: sugar.qty!, labelPriceMinor: sugar.labelPriceMinor! },
      ],
    });
    expect(sale.bill.lines.map((l) => [l.sku, l.qty, l.grossMinor, l.pack?.count ?? null])).toEqual([
      ['PARLE-G', 1, 2500, null],
      ['PARLE-G', 24, 55_000, 1],
      ['ATTA-LOOSE', 1253, 7518, null],
      ['SUGAR-LOOSE', 1567, 7520, null],
    ]);
    expect(sale.totalMinor).toBe(2500 + 55_000 + 7518 + 7520);
    expect((await core.findProduct({ code: 'PARLE-G' })).qty).toBe(75);
    expect((await core.findProduct({ code: 'ATTA-LOOSE' })).qty).toBe(20_000 - 1253);
    const moves = await core.history({ batchId: sale.batchId });
    // The carton's movement carries what a packet of it came to (₹550 / 24, to the paisa).
    expect(moves.items.map((m) => [m.qty, m.unitPriceMinor]).sort()).toEqual([[-1, 2500], [-1253, 6000], [-1567, 4799], [-24, 2292]].sort());
    const receipt = (await core.showBill({ bill: sale.billNumber })).receiptText;
    expect(receipt).toContain('1 carton (24 pc) x 550.00');
    expect(receipt).toContain('1.567 kg @ 48.00/kg label');
  });

  it('refuses half a carton, a pack the product does not have and a label price on pieces', async () => {
    await expectError(core.sell({ lines: [{ product: 'PARLE-G', qty: 30, pack: 'carton' }] }), 'UNPROCESSABLE', /whole number of carton/);
    await expectError(core.sell({ lines: [{ product: 'PARLE-G', qty: 24, pack: 'crate' }] }), 'UNPROCESSABLE', /no pack "crate" \(it has carton, dozen\)/);
    await expectError(core.sell({ lines: [{ product: 'PARLE-G', qty: 2, labelPriceMinor: 100 }] }), 'UNPROCESSABLE', /by the piece/);
    expect((await core.findProduct({ code: 'PARLE-G' })).qty).toBe(100);
  });

  it("a pack barcode is unique against products' barcodes and other packs", async () => {
    await expectError(core.addProduct({ sku: 'X-1', name: 'X', unit: 'pc', priceMinor: 100, barcode: carton.barcode }), 'DUPLICATE_BARCODE');
    await expectError(core.addProduct({ sku: 'X-2', name: 'X', unit: 'pc', priceMinor: 100, packs: [{ name: 'box', qty: 6, barcode: '8901063000241' }] }), 'DUPLICATE_BARCODE');
    await expectError(core.updateProduct({ product: 'ATTA-LOOSE', patch: { packs: [{ name: 'bag', qty: 5000, barcode: carton.barcode }] } }), 'DUPLICATE_BARCODE');
    const changed = await core.updateProduct({ product: 'PARLE-G', patch: { packs: [{ ...carton, barcode: '18901063000999' }] } });
    expect(changed.packs.map((p) => p.barcode)).toEqual(['18901063000999']);
    // The old carton code is free again: the pack index followed the edit.
    await expectError(core.scanCode({ code: carton.barcode }), 'NOT_FOUND');
    expect(await core.scanCode({ code: '18901063000999' })).toMatchObject({ qty: 24 });
  });

  it('a stock-in keeps its lot and expiry day; goods going out take none', async () => {
    const r = await core.stockIn({ product: 'ATTA-LOOSE', qty: 5000, lot: 'A-77', expiresOn: '2027-01-31' });
    expect(r.movement).toMatchObject({ lot: 'A-77', expiresOn: '2027-01-31' });
    expect((await core.history({ product: 'ATTA-LOOSE', kind: 'IN', limit: 1 })).items[0]).toMatchObject({ lot: 'A-77', expiresOn: '2027-01-31' });
    await expectError(core.stockIn({ product: 'ATTA-LOOSE', qty: 1, expiresOn: '31/01/2027' }), 'VALIDATION_FAILED', /YYYY-MM-DD/);
  });
});
