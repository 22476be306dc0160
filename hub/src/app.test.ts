import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config/env';
import type { TestApp, TestUser } from './test/test-db';
import { useTestApp } from './test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx), { config: { BODY_LIMIT_BYTES: '4096', CORS_ORIGINS: 'https://ho.example.com' } });

describe('errors and HTTP hygiene', () => {
  it('answers invalid JSON with 400 INVALID_JSON', async () => {
    const res = await t.call('POST', '/stores', admin.token, '{"code": "A1", ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
    const empty = await t.call('POST', '/stores', admin.token, '');
    expect(empty.body.error.code).toBe('INVALID_JSON');
  });

  it('names the field for wrong types and unknown fields', async () => {
    const wrong = await t.call('POST', '/stores', admin.token, { code: 12, name: 'X' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(wrong.body.error.message).toMatch(/^code: /);
    expect(wrong.body.error.details.issues[0].path).toBe('code');
    const unknown = await t.call('POST', '/stores', admin.token, { code: 'A1', name: 'X', owner: 'me' });
    expect(unknown.body.error.message).toContain('owner');
    const query = await t.call('GET', '/stores?limit=100000', admin.token);
    expect(query.status).toBe(400);
    expect(query.body.error.message).toMatch(/^query\.limit: /);
    const nul = await t.call('POST', '/stores', admin.token, { code: 'N1', name: 'bad\u0000name' });
    expect(nul.status).toBe(400);
  });

  it('refuses oversized bodies with 413 naming the limit, and writes nothing', async () => {
    const res = await t.call('POST', '/stores', admin.token, { code: 'BIG', name: 'x'.repeat(10_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toContain('4096');
    const rows = await t.db.db.selectFrom('stores').select('id').where('code', '=', 'BIG').execute();
    expect(rows).toEqual([]);
  });

  it('answers unknown routes and ids with the envelope, never a stack trace', async () => {
    const res = await t.call('GET', '/nothing-here', admin.token);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const badId = await t.call('GET', '/products/not-a-uuid', admin.token);
    expect(badId.status).toBe(404);
    expect(badId.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('sends security headers and a request id on every response', async () => {
    const res = await t.app.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows CORS only for configured origins', async () => {
    const ok = await t.app.request('/api/v1/health', { headers: { Origin: 'https://ho.example.com' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://ho.example.com');
    const evil = await t.app.request('/api/v1/health', { headers: { Origin: 'https://evil.example.com' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await t.app.request('/api/v1/stores', {
      method: 'OPTIONS',
      headers: { Origin: 'https://ho.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });
});

describe('config', () => {
  it('lists every bad variable by name', () => {
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TOKEN_TTL_HOURS: '0', CORS_ORIGINS: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).message;
      for (const name of ['PORT', 'DATABASE_URL', 'TOKEN_TTL_HOURS', 'CORS_ORIGINS']) expect(text).toContain(name);
    }
  });

  it('has working defaults and resolves DATA_DIR against the repository root', () => {
    const c = parseConfig({});
    expect(c.port).toBe(8787);
    expect(c.dataDir).toMatch(/\/data\/hub$/);
    expect(c.databaseUrl).toBeUndefined();
  });
});
