import { createTranslator } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { asTypedQuantity, packQuantity, typedLineQuantity } from './pack-quantity';

const en = createTranslator({ locale: 'en' });
const ur = createTranslator({ locale: 'ur' });
const carton = [{ name: 'carton', qty: 24 }];
const packs = [{ name: 'carton', qty: 24 }, { name: 'dozen', qty: 12 }];

describe('quantities in packs', () => {
  it('reads a quantity in the product’s packs, with the base quantity beside it; loose goods in kg', () => {
    expect(packQuantity(en, 72, 'pc', carton)).toBe('3 cartons (72 pc)');
    expect(packQuantity(en, 24, 'pc', carton)).toBe('1 carton (24 pc)');
    expect(packQuantity(en, 40, 'pc', packs)).toBe('1 carton + 1 dozen + 4 pc (40 pc)');
    expect(packQuantity(en, 22, 'pc', carton)).toBe('22 pc');
    expect(packQuantity(en, 2_500, 'g')).toBe('2.5 kg');
    expect(packQuantity(ur, 48, 'pc', carton)).toContain('carton');
  });

  it('types back what it reads: whole packs of one kind, else the display unit', () => {
    for (const [qty, unit, p, text] of [[72, 'pc', carton, '3 cartons'], [24, 'pc', carton, '1 carton'], [40, 'pc', packs, '40'], [2_500, 'g', [], '2.5']] as const) {
      expect(asTypedQuantity(qty, unit, p)).toBe(text);
      expect(typedLineQuantity(text, unit, p, en)).toEqual({ qty });
    }
  });

  it('leaves an empty line for later, allows zero only when asked, and says what is wrong', () => {
    expect(typedLineQuantity('  ', 'pc', carton, en)).toBeNull();
    expect(typedLineQuantity('0', 'pc', carton, en, { allowZero: true })).toEqual({ qty: 0 });
    expect(typedLineQuantity('0', 'pc', carton, en)).toHaveProperty('error');
    expect(typedLineQuantity('1.5 cartons', 'pc', carton, en)).toHaveProperty('error');
    expect(typedLineQuantity('lots', 'g', [], en)).toHaveProperty('error');
  });
});
