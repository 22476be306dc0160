import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.document';

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route and the shared schemas', () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/auth/login', '/products/{id}', '/stocks', '/stock-movements', '/logs/verify', '/reports/sales', '/sync/push']) expect(doc.paths).toHaveProperty([p]);
    const create = JSON.stringify(doc.paths['/products']!.post!.requestBody);
    expect(create).toContain('"sku"');
    expect(create).toContain('"pricePaise"');
    expect(doc.paths['/stocks']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['storeId', 'status', 'cursor', 'limit']));
    expect(() => JSON.stringify(doc)).not.toThrow();
  });
});
