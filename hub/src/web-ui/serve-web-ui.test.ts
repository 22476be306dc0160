import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebUi } from './serve-web-ui';

describe('serveWebUi', () => {
  let dir: string;
  const app = new Hono();
  const bigJs = `console.log(${JSON.stringify('x'.repeat(5000))});`;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), bigJs);
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    writeFileSync(path.join(os.tmpdir(), 'secret-outside.txt'), 'secret');
    app.get('/api/v1/health', (c) => c.json({ status: 'ok' }));
    serveWebUi(app, undefined, { distDir: dir });
    app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'no route' } }, 404));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html at / without long caching', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('id="root"');
  });

  it('falls back to index.html for deep links outside /api', async () => {
    const res = await app.request('/stock?status=low');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="root"');
  });

  it('serves hashed assets immutable, gzipped when asked', async () => {
    const res = await app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(bigJs);
    const plain = await app.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(bigJs);
  });

  it('answers 404 (not index.html) for a missing asset', async () => {
    const res = await app.request('/assets/index-gone.js');
    expect(res.status).toBe(404);
  });

  it('leaves /api to the API, including its 404 envelope', async () => {
    expect(await (await app.request('/api/v1/health')).json()).toEqual({ status: 'ok' });
    const missing = await app.request('/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('never serves files outside the dist directory', async () => {
    const res = await app.request('/%2e%2e/secret-outside.txt');
    expect(await res.text()).not.toContain('secret');
    const res2 = await app.request('/../secret-outside.txt');
    expect(await res2.text()).not.toContain('secret');
  });

  it('explains how to build when dist is missing', async () => {
    const bare = new Hono();
    const info = serveWebUi(bare, undefined, { distDir: path.join(dir, 'nope') });
    expect(info.built).toBe(false);
    const res = await bare.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('pnpm --filter @bazaar/web build');
  });
});
