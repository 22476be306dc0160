import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin-hash';

describe('PIN hashes', () => {
  it('round-trips, rejects a wrong PIN and malformed hashes', async () => {
    const h = await hashPin('4321');
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(await verifyPin('4321', h)).toBe(true);
    expect(await verifyPin('1234', h)).toBe(false);
    expect(await verifyPin('4321', 'bcrypt$xx')).toBe(false);
    expect(await verifyPin('4321', 'scrypt$99999999999$8$1$abc$def')).toBe(false);
  });
});
