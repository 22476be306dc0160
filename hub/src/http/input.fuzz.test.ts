import { uuidv7 } from '@bazaar/shared';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';

/**
 * Issue 13: every write route and every query parameter of the API document (generated from
 * the routes' zod schemas) fuzzed with fast-check: wrong types, extremes, NUL, RTL and
 * combining characters, __proto__, dates at and past every bound, huge strings, wrong content
 * types. No answer may be a 5xx; a validation error names its field; a rejected request
 * changes no table.
 */
interface Operation {
  method: string;
  path: string;
  body: { properties?: Record<string, unknown> } | null;
  query: string[];
}

const DATES = [
  '0000-01-01T00:00:00Z',
  '1999-12-31T23:59:59.999Z',
  '2000-01-01T00:00:00Z',
  '2026-01-01T00:00:00+14:00',
  '2026-01-01T00:00:00-14:01',
  '2026-01-01T00:00:00+23:59',
  '2126-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T00:00:00Z',
];
const nastyScalar = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, '', ' ', '\u0000', 'a\u0000b', '\u202Egnp.exe', 'مرحبا بالعالم', 'e\u0301\u0301\u0301\u0301', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'NaN', 'Infinity', '__proto__', '../../etc/passwd', "' OR 1=1 --", '%00', '{}'),
  fc.constantFrom(...DATES),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.uuid().map((u) => u.toUpperCase()),
);
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyScalar },
  { weight: 1, arbitrary: fc.constant('x'.repeat(100_000)) },
  { weight: 1, arbitrary: fc.array(nastyScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}') as unknown) },
);

let t: TestApp;
let admin: TestUser;
let ops: Operation[] = [];
const ids = {} as Record<'store' | 'product' | 'supplier' | 'user' | 'device' | 'movement', string>;

beforeAll(async () => {
  t = await createTestApp({ config: { LOGIN_PER_IP_PER_MINUTE: '100000', LOGIN_PER_USER_PER_MINUTE: '100000' } });
  admin = await t.makeUser('admin');
  ids.store = (await t.makeStore('FUZZ')).id;
  ids.product = (await t.makeProduct({ sku: 'FUZZ-1' })).id;
  ids.supplier = (await t.call('POST', '/suppliers', admin.token, { name: 'Fuzz Traders' })).body.id;
  ids.user = (await t.makeUser('staff', [ids.store])).id;
  const dev = await t.call('POST', '/devices', admin.token, { storeId: ids.store, name: 'Fuzz counter' });
  ids.device = dev.body.device.id;
  ids.movement = (await t.call('POST', '/stock-movements', admin.token, { storeId: ids.store, productId: ids.product, kind: 'IN', qty: 5 })).body.movement.id;
  const doc = (await t.call('GET', '/openapi.json')).body as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: Operation['body'] }> } }>>;
  };
  ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([m, op]) => ({
      method: m.toUpperCase(),
      path: p,
      body: op.requestBody?.content['application/json']?.schema ?? null,
      query: (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
    })),
  );
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A path of the document with its {id} filled by an existing row of the right kind. */
function concrete(path: string): string {
  const id = path.startsWith('/stores') ? ids.store : path.startsWith('/products') ? ids.product : path.startsWith('/suppliers') ? ids.supplier : path.startsWith('/users') ? ids.user : path.startsWith('/devices') ? ids.device : path.startsWith('/stock-movements') ? ids.movement : uuidv7();
  return path.replace('{id}', id);
}

/** A valid body per write route, for single-field mutations (unique fields fresh each call). */
function validBody(method: string, path: string): Record<string, unknown> | null {
  const n = uuidv7().slice(-8);
  const bodies: Record<string, Record<string, unknown>> = {
    'POST /stock-movements': { storeId: ids.store, productId: ids.product, kind: 'IN', qty: 1, occurredAt: '2026-06-01T10:00:00Z', note: 'fuzz' },
    'POST /products': { sku: `F-${n}`, name: 'Fuzz dal', unit: 'g', priceMinor: 100, costMinor: 50, reorderLevel: 1 },
    'PATCH /products/{id}': { name: 'Fuzz rice', priceMinor: 120 },
    'POST /stores': { code: `F${n}`, name: 'Fuzz store', region: 'North', varianceThreshold: 5 },
    'PATCH /stores/{id}': { name: 'Fuzz store', location: 'Main road' },
    'POST /suppliers': { name: 'Fuzz supplier', phone: '123', email: 'a@b.example', address: 'Here' },
    'PATCH /suppliers/{id}': { name: 'Fuzz Traders', phone: '456' },
    'PATCH /users/{id}': { name: 'Fuzz clerk' },
    'POST /devices': { storeId: ids.store, name: 'Fuzz counter 2' },
  };
  return bodies[`${method} ${path}`] ?? null;
}

/** What a rejection must leave alone: row counts of every table a write touches, and their last change. */
async function signature(): Promise<string> {
  const { rows } = await sql<{ s: string }>`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM stores),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM products),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM suppliers),
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM users),
      (SELECT count(*) FROM user_stores), (SELECT count(*) FROM movements), (SELECT coalesce(sum(qty), 0) FROM stock),
      (SELECT count(*) FROM devices WHERE revoked_at IS NULL), (SELECT count(*) FROM conflicts), (SELECT count(*) FROM audit_log)) AS s`.execute(t.db.db);
  return rows[0]!.s;
}

const counts = { requests: 0, fiveHundreds: 0, rejected: 0, unnamed: 0, changedOnReject: 0 };
const problems: string[] = [];

async function probe(label: string, method: string, path: string, body: string | undefined, contentType: string | null, checkUnchanged: boolean): Promise<void> {
  const before = checkUnchanged ? await signature() : '';
  const res = await t.app.request(`/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${admin.token}`, ...(contentType ? { 'Content-Type': contentType } : {}) },
    body,
  });
  const text = await res.text();
  counts.requests += 1;
  if (res.status >= 500) {
    counts.fiveHundreds += 1;
    problems.push(`${label}: ${res.status} ${text.slice(0, 200)}`);
    return;
  }
  if (res.status < 400) return;
  counts.rejected += 1;
  const err = (JSON.parse(text) as { error: { code: string; message: string } }).error;
  if (err.code === 'VALIDATION_FAILED' && !/^[^\s:]+: /.test(err.message)) {
    counts.unnamed += 1;
    problems.push(`${label}: validation error names no field: ${err.message}`);
  }
  if (checkUnchanged && (await signature()) !== before) {
    counts.changedOnReject += 1;
    problems.push(`${label}: rejected with ${res.status} but a table changed`);
  }
}

/** Auth writes audit failed sign-ins on purpose; every other rejection must leave the tables alone. */
const writesOnReject = (path: string) => path.startsWith('/auth/');

describe('fuzzing the API from its route schemas', () => {
  it('write routes: bodies of wrong types, extremes and nasty text; wrong content types', async () => {
    const writes = ops.filter((o) => o.body && ['POST', 'PUT', 'PATCH'].includes(o.method) && !o.path.startsWith('/dev/'));
    expect(writes.length).toBeGreaterThan(10);
    for (const op of writes) {
      const fields = Object.keys(op.body?.properties ?? {});
      const bodyArb = fc.record(Object.fromEntries([...fields, '__proto__', 'constructor'].map((k) => [k, nasty])), { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(bodyArb, async (body) => {
          const text = JSON.stringify(body);
          await probe(`${op.method} ${op.path} ${text.slice(0, 120)}`, op.method, concrete(op.path), text, 'application/json', !writesOnReject(op.path));
        }),
        { numRuns: 12, seed: 13 },
      );
      // One bad field in an otherwise valid body: what reaches the database (year 0000 once answered 500 here).
      const base = validBody(op.method, op.path) !== null;
      for (const field of base ? fields : []) {
        const one = async (value: unknown) => {
          const text = JSON.stringify({ ...validBody(op.method, op.path), [field]: value });
          await probe(`${op.method} ${op.path} ${field}=${JSON.stringify(value).slice(0, 80)}`, op.method, concrete(op.path), text, 'application/json', true);
        };
        await fc.assert(fc.asyncProperty(nasty, one), { numRuns: 5, seed: 13 });
        // Every date bound, exactly, for the fields that hold dates.
        if (/At$|^from$|^to$/.test(field)) for (const d of DATES) await one(d);
      }
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=z', 'application/xml']) {
        await probe(`${op.method} ${op.path} as ${type}`, op.method, concrete(op.path), '{}', type, !writesOnReject(op.path));
      }
      await probe(`${op.method} ${op.path} not JSON`, op.method, concrete(op.path), '{"a":', 'application/json', !writesOnReject(op.path));
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('query parameters: every parameter of every GET with nasty values', async () => {
    const reads = ops.filter((o) => o.method === 'GET' && o.query.length > 0);
    expect(reads.length).toBeGreaterThan(5);
    for (const op of reads) {
      const queryArb = fc.record(Object.fromEntries([...op.query, '__proto__'].map((k) => [k, nasty.map((v) => (typeof v === 'string' ? v.slice(0, 5000) : JSON.stringify(v)))])), { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(queryArb, async (query) => {
          const qs = new URLSearchParams(Object.entries(query).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, v]]))).toString();
          await probe(`GET ${op.path}?${qs.slice(0, 120)}`, 'GET', `${concrete(op.path)}?${qs}`, undefined, null, true);
        }),
        { numRuns: 10, seed: 13 },
      );
    }
    console.log(
      `fuzz: ${counts.requests} requests, ${counts.fiveHundreds} × 5xx, ${counts.rejected} rejected, ${counts.unnamed} unnamed validation errors, ${counts.changedOnReject} rejections that changed a table`,
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
