import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformTestApp, type PlatformTestApp } from '../test/platform-app';
import { serveWebUi } from '../web-ui/serve-web-ui';
import { documentPath } from './openapi.document';

interface Operation {
  requestBody?: unknown;
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
}
interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

/** Served routes that are not API and so not in the document, each with its reason. */
const NOT_API: Readonly<Record<string, string>> = {
  '/*': 'the head-office web UI: static files and the SPA fallback (web-ui/serve-web-ui.ts), never under /api',
};

let t: PlatformTestApp;
let doc: Document;

beforeAll(async () => {
  // With the platform services: /events, /metrics, /alerts and /exports are only served then.
  t = await createPlatformTestApp();
  serveWebUi(t.app, undefined);
  const res = await t.app.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route and the shared schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/auth/login', '/products/{id}', '/stocks', '/stock-movements', '/logs/verify', '/reports/sales', '/sync/push']) expect(doc.paths).toHaveProperty([p]);
    const create = JSON.stringify(doc.paths['/products']!.post!.requestBody);
    expect(create).toContain('"sku"');
    expect(create).toContain('"priceMinor"');
    expect(doc.paths['/stocks']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['storeId', 'status', 'cursor', 'limit']));
    expect(() => JSON.stringify(doc)).not.toThrow();
  });

  it('documents every route the app serves, and only those', () => {
    const served = new Set<string>();
    for (const r of t.app.routes) {
      // ALL entries are middleware (app.use); no endpoint is registered with .all().
      if (r.method === 'ALL' || r.path in NOT_API) continue;
      expect(r.path, `${r.method} ${r.path} is served outside ${doc.servers[0]!.url}`).toMatch(/^\/api\/v1\//);
      served.add(`${r.method.toLowerCase()} ${documentPath(r.path)}`);
    }
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    expect([...served].filter((s) => !documented.has(s)), 'served but not documented').toEqual([]);
    expect([...documented].filter((d) => !served.has(d)), 'documented but not served').toEqual([]);
    expect(served.size).toBeGreaterThan(60);
  });

  it('has the query parameters of GET /devices and no PUT /users/{id}', () => {
    expect(doc.paths['/devices']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['storeId', 'revoked', 'q', 'limit', 'cursor']));
    expect(doc.paths['/users/{id}']).not.toHaveProperty('put');
    expect(doc.paths['/devices/{id}']).toHaveProperty('get');
  });

  it('describes every error with the shared envelope', () => {
    const envelope = JSON.stringify(doc.paths['/users']!.post!.responses!['4XX']);
    expect(envelope).toContain('"code"');
    expect(envelope).toContain('"message"');
  });
});
