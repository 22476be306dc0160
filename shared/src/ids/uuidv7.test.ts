import { describe, expect, it } from 'vitest';
import { uuidv7, uuidv7Schema, uuidv7Time } from './uuidv7';

describe('uuidv7', () => {
  it('is a valid, time-ordered UUIDv7', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7(1_700_000_000_000));
    for (const id of ids) expect(uuidv7Schema.safeParse(id).success).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidv7Time(ids[0]!)).toBe(1_700_000_000_000);
  });
});
