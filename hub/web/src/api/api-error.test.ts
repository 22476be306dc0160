import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom } from './api-error';

const res = (status: number, body: unknown) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('ApiError.fieldErrors', () => {
  it('reads the hub validation envelope (details.issues with dotted paths)', async () => {
    const err = await apiErrorFrom(
      res(400, { error: { code: 'VALIDATION_FAILED', message: 'sku: must not be empty', details: { issues: [{ path: 'sku', message: 'must not be empty' }, { path: 'priceMinor', message: 'must not be negative' }] } } }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.fieldErrors()).toEqual({ sku: 'must not be empty', priceMinor: 'must not be negative' });
  });

  it('puts a uniqueness conflict on the field its message names', async () => {
    const err = await apiErrorFrom(res(409, { error: { code: 'DUPLICATE_SKU', message: 'sku: a product with this SKU already exists' } }));
    expect(err.fieldErrors()).toEqual({ sku: 'a product with this SKU already exists' });
  });

  it('falls back to the field a duplicate code implies', () => {
    expect(new ApiError(409, 'DUPLICATE_CODE', 'store code taken').fieldErrors()).toEqual({ code: 'store code taken' });
  });

  it('keeps form-level errors off every field', async () => {
    const err = await apiErrorFrom(res(401, { error: { code: 'UNAUTHENTICATED', message: 'wrong username or password' } }));
    expect(err.fieldErrors()).toEqual({});
    expect(err.message).toBe('wrong username or password');
  });

  it('survives a non-JSON answer (a proxy error page)', async () => {
    const err = await apiErrorFrom(res(502, '<html>Bad gateway</html>'));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.status).toBe(502);
  });
});
