import { conflictGroupsSchema } from '@bazaar/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

/** Issue 24: conflicts filtered by the size of a count variance (display units or percent) and by region. */
let t: TestApp;
let admin: TestUser;
let manager: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

const S: Record<'N' | 'S', string> = { N: '', S: '' };
const P: Record<'soap' | 'atta', string> = { soap: '', atta: '' };

beforeAll(async () => {
  for (const [k, region] of [['N', 'SzNorth'], ['S', 'SzSouth']] as const) {
    S[k] = (await t.makeStore(`SZ-${k}`)).id;
    await t.deps.db.updateTable('stores').set({ region, variance_threshold: 1 }).where('id', '=', S[k]).execute();
  }
  manager = await t.makeUser('manager', [S.N]);
  P.soap = (await t.call('POST', '/products', admin.token, { sku: 'SZ-SOAP', name: 'Soap', unit: 'pc', priceMinor: 4000, costMinor: 3000, reorderLevel: 5 })).body.id;
  P.atta = (await t.call('POST', '/products', admin.token, { sku: 'SZ-ATTA', name: 'Atta', unit: 'g', priceMinor: 6000, costMinor: 5000, reorderLevel: 1000 })).body.id;
  const mv = async (storeId: string, productId: string, kind: 'IN' | 'COUNT', qty: number) => {
    const r = await t.call('POST', '/stock-movements', admin.token, { storeId, productId, kind, qty });
    expect([r.status, r.body?.error?.message]).toEqual([201, undefined]);
  };
  await mv(S.N, P.soap, 'IN', 100);
  await mv(S.N, P.soap, 'COUNT', 80); // −20 pc of 100: 20 %
  await mv(S.N, P.atta, 'IN', 10_000);
  await mv(S.N, P.atta, 'COUNT', 7_000); // −3 kg of 10 kg: 30 %
  await mv(S.S, P.soap, 'IN', 50);
  await mv(S.S, P.soap, 'COUNT', 44); // −6 pc of 50: 12 %
  await mv(S.S, P.atta, 'IN', 2_000);
  await mv(S.S, P.atta, 'COUNT', 1_500); // −0.5 kg of 2 kg: 25 %
});

type Row = { storeId: string; productId: string | null; kind: string };
const listed = async (query: string, token = admin.token) => {
  const res = await t.call('GET', `/conflicts?status=open&${query}`, token);
  expect(res.status).toBe(200);
  const name = (r: Row) => `${r.storeId === S.N ? 'N' : 'S'}:${r.productId === P.soap ? 'soap' : 'atta'}`;
  return (res.body.items as Row[]).filter((r) => r.kind === 'COUNT_VARIANCE').map(name).sort();
};

describe('conflicts by size of variance and region', () => {
  it('recorded the four count variances it is filtered over', async () => {
    expect(await listed('kind=COUNT_VARIANCE')).toEqual(['N:atta', 'N:soap', 'S:atta', 'S:soap']);
  });

  it('keeps variances of at least a quantity in display units (pieces, kg for weighed goods)', async () => {
    expect(await listed('minQty=10')).toEqual(['N:soap']);
    expect(await listed('minQty=3')).toEqual(['N:atta', 'N:soap', 'S:soap']);
    expect(await listed('minQty=0.5')).toEqual(['N:atta', 'N:soap', 'S:atta', 'S:soap']);
  });

  it('keeps variances of at least a share of the expected stock, and filters by region', async () => {
    expect(await listed('minPercent=25')).toEqual(['N:atta', 'S:atta']);
    expect(await listed('minPercent=20&region=SzNorth')).toEqual(['N:atta', 'N:soap']);
    expect(await listed('region=SzSouth')).toEqual(['S:atta', 'S:soap']);
    expect(await listed('minPercent=13&minQty=1')).toEqual(['N:atta', 'N:soap']);
  });

  it('groups and resolves in bulk with the same filters, only in a manager’s stores', async () => {
    const groups = conflictGroupsSchema.parse((await t.call('GET', '/conflicts/groups?minPercent=25', admin.token)).body);
    expect(groups.items.map((g) => [g.storeCode, g.kind, g.count])).toEqual([
      ['SZ-N', 'COUNT_VARIANCE', 1],
      ['SZ-S', 'COUNT_VARIANCE', 1],
    ]);
    expect(await listed('minQty=1', manager.token)).toEqual(['N:atta', 'N:soap']);
    const done = await t.call('POST', '/conflicts/bulk-resolve', manager.token, { note: 'recounted', minPercent: 25 });
    expect(done.body).toEqual({ resolved: 1, stores: 1, more: false });
    expect(await listed('kind=COUNT_VARIANCE')).toEqual(['N:soap', 'S:atta', 'S:soap']);
    expect((await t.call('GET', '/conflicts?minQty=-1', admin.token)).status).toBe(400);
  });
});
