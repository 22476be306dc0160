import { describe, expect, it } from 'vitest';
import { deviceMovementSchema, movementCreateSchema } from './movements.schema';
import { pushRequestSchema, MAX_PUSH_MOVEMENTS } from '../sync/sync.protocol';
import { uuidv7 } from '../ids/uuidv7';
import { formatHlc } from '../hlc/hlc';

const base = () => ({
  id: uuidv7(),
  seq: 1,
  hlc: formatHlc({ wall: 1_700_000_000_000, counter: 0, node: 'dev1' }),
  kind: 'SALE' as const,
  productId: uuidv7(),
  qty: -2,
  occurredAt: '2026-11-23T10:00:00.000Z',
});

function issuePaths(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('movement schemas', () => {
  it('accepts a well-formed sale and fills defaults', () => {
    const m = deviceMovementSchema.parse(base());
    expect(m.reason).toBeNull();
    expect(m.unitPriceMinor).toBeNull();
  });

  it('names the field and the rule for each bad movement', () => {
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), qty: 2 }))).toEqual([
      'qty: SALE quantity must be negative (a signed delta)',
    ]);
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), kind: 'COUNT', qty: -1 }))).toEqual([
      'qty: COUNT quantity is the counted amount and must not be negative',
    ]);
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), kind: 'REMOVE' }))).toEqual([
      'reason: REMOVE needs a reason (damage, expiry, theft, other)',
    ]);
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), qty: 1.5 }))[0]).toMatch(/^qty: must be a whole number/);
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), qty: -1e12 }))[0]).toMatch(/^qty: must be at least/);
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), unitPriceMinor: -1 }))[0]).toMatch(/^unitPriceMinor: must not be negative/);
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), seq: 0 }))[0]).toMatch(/^seq:/);
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), hlc: 'now' }))[0]).toMatch(/^hlc: must be an HLC/);
    expect(issuePaths(deviceMovementSchema.safeParse({ ...base(), surprise: 1 }))[0]).toMatch(/surprise/);
    expect(issuePaths(movementCreateSchema.safeParse({ storeId: uuidv7(), kind: 'IN', productId: uuidv7(), qty: 0 }))).toEqual([
      'qty: IN quantity must be positive',
    ]);
  });

  it('bounds a push batch', () => {
    const movements = Array.from({ length: MAX_PUSH_MOVEMENTS + 1 }, (_, i) => ({ ...base(), seq: i + 1 }));
    expect(issuePaths(pushRequestSchema.safeParse({ movements }))[0]).toMatch(/^movements: at most 1000/);
  });
});
