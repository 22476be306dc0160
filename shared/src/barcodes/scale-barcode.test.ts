import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, hasValidGtinCheckDigit, withGtinCheckDigit } from './ean';
import { ScaleBarcodeError, parseScaleBarcode, qtyForLabelPrice, scaleLabelBarcode, scaleLayoutSchema, scaleLayoutsSchema, type ScaleLayout } from './scale-barcode';

const weight5: ScaleLayout = scaleLayoutSchema.parse({ prefix: '21', itemDigits: 5, value: 'weight' });
const price5: ScaleLayout = scaleLayoutSchema.parse({ prefix: '22', itemDigits: 5, value: 'price' });
const rupees4: ScaleLayout = scaleLayoutSchema.parse({ prefix: '23', itemDigits: 6, value: 'price', valueStep: 100 });

describe('GTIN check digits', () => {
  it('match published codes of every length', () => {
    expect(hasValidGtinCheckDigit('4006381333931')).toBe(true); // EAN-13
    expect(hasValidGtinCheckDigit('8901063092013')).toBe(true);
    expect(hasValidGtinCheckDigit('8901063092012')).toBe(false);
    expect(gtinCheckDigit('890106309201')).toBe(3);
    expect(hasValidGtinCheckDigit('73513537')).toBe(true); // EAN-8
    expect(hasValidGtinCheckDigit('036000291452')).toBe(true); // UPC-A
    expect(hasValidGtinCheckDigit('12345')).toBe(false);
    expect(hasValidGtinCheckDigit('400638133393x')).toBe(false);
  });

  it('catch every single wrong digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.nat(12), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const code = withGtinCheckDigit(body);
        const digit = (code.charCodeAt(at) - 48 + shift) % 10;
        const wrong = `${code.slice(0, at)}${digit}${code.slice(at + 1)}`;
        expect(hasValidGtinCheckDigit(wrong)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scale labels', () => {
  it('reads the weight of a weight label and names the product by its label barcode', () => {
    const code = withGtinCheckDigit('210421701250');
    expect(parseScaleBarcode(code, [weight5, price5])).toEqual({ kind: 'weight', labelBarcode: '2104217000001', itemCode: '04217', qty: 1250 });
    expect(scaleLabelBarcode(weight5, '04217')).toBe('2104217000001');
  });

  it('reads the price of a price label, in minor units or in whole rupees as the scale is set', () => {
    expect(parseScaleBarcode(withGtinCheckDigit('220421709375'), [weight5, price5])).toMatchObject({ kind: 'price', itemCode: '04217', priceMinor: 9375 });
    expect(parseScaleBarcode(withGtinCheckDigit('230004210093'), [rupees4])).toMatchObject({ kind: 'price', itemCode: '000421', priceMinor: 9300 });
  });

  it('turns a label price into a weight at the shelf price', () => {
    // ₹93.75 of atta at ₹75.00 per kg is 1.25 kg.
    expect(qtyForLabelPrice(9375, { priceMinor: 7500, perQty: 1000 })).toBe(1250);
    expect(qtyForLabelPrice(1, { priceMinor: 7500, perQty: 1000 })).toBe(1);
    expect(() => qtyForLabelPrice(100, { priceMinor: 0, perQty: 1000 })).toThrow(ScaleBarcodeError);
  });

  it('a misread label (wrong check digit) is refused, not sold as some other weight', () => {
    const code = withGtinCheckDigit('210421701250');
    const misread = `${code.slice(0, 9)}${(Number(code[9]) + 1) % 10}${code.slice(10)}`;
    expect(() => parseScaleBarcode(misread, [weight5])).toThrow(/did not read correctly/);
    expect(() => parseScaleBarcode(withGtinCheckDigit('210421700000'), [weight5])).toThrow(/carries no weight/);
  });

  it('codes outside the configured prefixes are ordinary barcodes, real products included', () => {
    expect(parseScaleBarcode('8901063092013', [weight5, price5])).toBeNull(); // an Indian EAN-13
    expect(parseScaleBarcode(withGtinCheckDigit('240421701250'), [weight5, price5])).toBeNull(); // 24 has no layout here
    expect(parseScaleBarcode('2104217', [weight5])).toBeNull();
    expect(parseScaleBarcode(withGtinCheckDigit('210421701250'), [])).toBeNull();
  });

  it('every layout round-trips: a label made for an item and amount reads back as that item and amount', () => {
    const layoutArb = fc.record({
      prefix: fc.integer({ min: 20, max: 29 }).map(String),
      itemDigits: fc.integer({ min: 4, max: 6 }),
      value: fc.constantFrom('weight' as const, 'price' as const),
      valueStep: fc.constantFrom(1 as const, 10 as const, 100 as const),
    });
    fc.assert(
      fc.property(layoutArb, fc.nat(999_999), fc.nat(9_999_999), (layout, item, amount) => {
        const valueDigits = 10 - layout.itemDigits;
        const itemCode = String(item % 10 ** layout.itemDigits).padStart(layout.itemDigits, '0');
        const value = 1 + (amount % (10 ** valueDigits - 1));
        const code = withGtinCheckDigit(`${layout.prefix}${itemCode}${String(value).padStart(valueDigits, '0')}`);
        const read = parseScaleBarcode(code, [layout]);
        expect(read).not.toBeNull();
        expect(read!.itemCode).toBe(itemCode);
        expect(read!.labelBarcode).toBe(scaleLabelBarcode(layout, itemCode));
        expect(read!.kind === 'weight' ? read!.qty : read!.priceMinor).toBe(value * layout.valueStep);
      }),
      { numRuns: 1000 },
    );
  });

  it('settings validate: prefixes 20–29 only, one layout each', () => {
    expect(scaleLayoutSchema.safeParse({ prefix: '30', itemDigits: 5, value: 'weight' }).success).toBe(false);
    expect(scaleLayoutSchema.safeParse({ prefix: '21', itemDigits: 7, value: 'weight' }).success).toBe(false);
    expect(scaleLayoutsSchema.safeParse([weight5, { ...price5, prefix: '21' }]).success).toBe(false);
    expect(scaleLayoutsSchema.safeParse([weight5, price5, rupees4]).success).toBe(true);
  });
});
