import { describe, expect, it } from 'vitest';
import { createTranslator, type Conflict } from '@bazaar/shared';
import { describeConflict } from './conflict-words';

const en = createTranslator({ locale: 'en', currency: 'PKR' });
const ur = createTranslator({ locale: 'ur', currency: 'PKR' });
const names = (kind: 'store' | 'product', id: string) => (kind === 'store' && id === 'S-saddar' ? 'Saddar' : undefined);

function conflict(kind: Conflict['kind'], details: Record<string, unknown>): Conflict {
  return {
    id: 'c1',
    storeId: 'S-clifton',
    kind,
    productId: 'P1',
    movementId: null,
    deviceId: null,
    details,
    status: 'open',
    createdAt: '2026-12-01T10:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    resolutionNote: null,
  } as Conflict;
}

describe('a conflict in words', () => {
  it('gives loose goods in kilograms and grams, never bare base units or field names', () => {
    const text = describeConflict(conflict('COUNT_VARIANCE', { counted: 37_250, variance: -300, threshold: 250 }), en, 'g', names);
    expect(text).toBe('Counted 37.25 kg: -300 g against the stock expected (flagged beyond 250 g)');
    expect(describeConflict(conflict('NEGATIVE_STOCK', { qty: -2, previousQty: 1 }), en, 'pc', names)).toBe('Stock went from 1 pc to -2 pc');
    for (const k of ['counted', 'variance', 'threshold', '{', '"']) expect(text).not.toContain(k);
  });

  it('tells a clock drift in the largest readable unit and which way', () => {
    expect(describeConflict(conflict('CLOCK_DRIFT', { direction: 'fast', driftMs: 3 * 86_400_000 }), en, undefined, names)).toBe('The counter’s clock was 3 days ahead; its times were corrected');
    expect(describeConflict(conflict('CLOCK_DRIFT', { direction: 'slow', driftMs: 20 * 60_000 }), en, undefined, names)).toContain('20 minutes behind');
  });

  it('names the sending store and each line of a transfer in its own unit', () => {
    const lines = [
      { productId: 'P1', sku: 'ATTA-5', name: 'Chakki Atta 5 kg', unit: 'pc', qtySent: 10, qtyReceived: 8, qtyDamaged: 1 },
      { productId: 'P2', sku: 'SUGAR', name: 'Sugar', unit: 'g', qtySent: 5000, qtyReceived: 4500, qtyDamaged: 0 },
    ];
    const text = describeConflict(conflict('TRANSFER_DISCREPANCY', { problem: 'discrepancy', number: 'T-0007', fromStoreId: 'S-saddar', toStoreId: 'S-clifton', lines }), en, undefined, names);
    expect(text).toBe('Transfer T-0007 from Saddar: Chakki Atta 5 kg sent 10 pc, received 8 pc, damaged 1 pc; Sugar sent 5 kg, received 4.5 kg, damaged 0 g');
  });

  it('reads an over-return and a rejected movement with the movement kind in words, in Urdu too', () => {
    expect(describeConflict(conflict('OVER_RETURN', { billNumber: 'KHI-01-2-000123', lineNo: 2, sku: 'SOAP', sold: 3, returned: 4 }), en, 'pc', names)).toBe('Bill KHI-01-2-000123, line 2 (SOAP): 4 pc returned of 3 pc sold');
    expect(describeConflict(conflict('REJECTED_MOVEMENT', { reason: 'unknown product', kind: 'SALE', qty: -1500, seq: 4 }), en, 'g', names)).toBe('A Sale of -1.5 kg was refused: unknown product');
    const urdu = describeConflict(conflict('NEGATIVE_STOCK', { qty: -500, previousQty: 250 }), ur, 'g', names);
    expect(urdu).toContain('اسٹاک');
    expect(urdu).not.toContain('qty');
  });
});
