import { describe, expect, it } from 'vitest';
import { SubmitKeys } from './submit-keys';

describe('SubmitKeys', () => {
  const body = { storeId: 's', productId: 'p', kind: 'IN', qty: 5 };

  it('reuses the key when the same movement is submitted again after a failure', () => {
    const keys = new SubmitKeys();
    const first = keys.keyFor(body);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.keyFor({ ...body })).toBe(first);
  });

  it('gives a new key to a different movement, and to the same one after a success', () => {
    const keys = new SubmitKeys();
    const first = keys.keyFor(body);
    const other = keys.keyFor({ ...body, qty: 6 });
    expect(other).not.toBe(first);
    keys.succeeded(other);
    expect(keys.keyFor({ ...body, qty: 6 })).not.toBe(other);
  });
});
