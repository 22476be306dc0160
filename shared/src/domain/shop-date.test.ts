import { describe, expect, it } from 'vitest';
import { movementCreateSchema } from './movements.schema';
import { clampShopDate, shopDateProblem } from './shop-date';
import { uuidSchema, uuidv7, uuidv7Schema } from '../ids/uuidv7';

const NOW = Date.UTC(2026, 10, 1);

describe('dates a shop can have (issue 13 item 5)', () => {
  it('refuses what zod accepts and PostgreSQL does not: year 0000, offsets beyond ±14:00', () => {
    expect(shopDateProblem('0000-01-01T00:00:00Z', NOW)).toMatch(/2000-01-01/);
    expect(shopDateProblem('2026-01-01T00:00:00+23:00', NOW)).toMatch(/offset/);
    expect(shopDateProblem('2026-01-01T00:00:00-14:30', NOW)).toMatch(/offset/);
    expect(shopDateProblem('9999-12-31T23:59:59Z', NOW)).toMatch(/100 years/);
  });

  it('accepts the bounds themselves and real offsets', () => {
    expect(shopDateProblem('2000-01-01T00:00:00Z', NOW)).toBeNull();
    expect(shopDateProblem('2026-01-01T00:00:00+14:00', NOW)).toBeNull();
    expect(shopDateProblem('2026-01-01T00:00:00-12:00', NOW)).toBeNull();
    expect(shopDateProblem('2126-10-31T00:00:00Z', NOW)).toBeNull();
    expect(shopDateProblem('1999-12-31T23:59:59.999Z', NOW)).not.toBeNull();
  });

  it('clamps into the range (what a rejected pushed movement is stored with)', () => {
    expect(clampShopDate('0000-01-01T00:00:00Z', NOW)).toBe('2000-01-01T00:00:00.000Z');
    expect(clampShopDate('9999-01-01T00:00:00Z', NOW)).toBe('2126-11-01T00:00:00.000Z');
  });

  it('the web movement schema names occurredAt', () => {
    const r = movementCreateSchema.safeParse({ storeId: uuidv7(), productId: uuidv7(), kind: 'IN', qty: 1, occurredAt: '0000-01-01T00:00:00Z' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['occurredAt']);
  });
});

describe('ids are lower-cased as parsed (issue 13 item 4)', () => {
  it('uuid and uuidv7 schemas answer the lower-case id', () => {
    const id = uuidv7();
    expect(uuidSchema.parse(id.toUpperCase())).toBe(id);
    expect(uuidv7Schema.parse(id.toUpperCase())).toBe(id);
    const r = movementCreateSchema.parse({ storeId: id.toUpperCase(), productId: id.toUpperCase(), kind: 'IN', qty: 1 });
    expect([r.storeId, r.productId]).toEqual([id, id]);
  });
});
