import { productCreateSchema } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import type { FieldErrors } from '../../api/api-error';
import { packRowsOf, packsError, packsOfRows } from './pack-rows';

describe('pack rows of the product form', () => {
  it('reads typed rows as packs in base units, leaves blank rows out, and round-trips what it shows', () => {
    const errors: FieldErrors = {};
    const packs = packsOfRows(
      [
        { name: 'bag', qty: '5', barcode: '', price: '300' },
        { name: '', qty: '', barcode: '', price: '' },
        { name: 'sack', qty: '25 kg', barcode: '8901234000017', price: '' },
      ],
      'g',
      errors,
    );
    expect(errors).toEqual({});
    expect(packs).toEqual([
      { name: 'bag', qty: 5000, barcode: null, priceMinor: 30_000 },
      { name: 'sack', qty: 25_000, barcode: '8901234000017', priceMinor: null },
    ]);
    expect(packsOfRows(packRowsOf(packs, 'g'), 'g', errors)).toEqual(packs);
    expect(productCreateSchema.safeParse({ sku: 'ATTA', name: 'Atta', unit: 'g', priceMinor: 6000, packs }).success).toBe(true);
  });

  it('names the row that does not read, and the row the hub refused', () => {
    const errors: FieldErrors = {};
    packsOfRows([{ name: 'carton', qty: '24', barcode: '', price: '' }, { name: 'box', qty: 'twelve', barcode: '', price: '' }], 'pc', errors);
    expect(packsError(errors)).toMatch(/^2: .*not a non-negative number/);
    expect(packsError({ 'packs.0.barcode': 'barcode: 890 is already a barcode of A-1' })).toBe('1: barcode: 890 is already a barcode of A-1');
    expect(packsError({ sku: 'taken' })).toBeUndefined();
  });
});
