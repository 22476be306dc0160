import type { Product, ShiftDetail, ShiftSummary, Store } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { useTestHub } from '../testing/test-hub';

const t = useTestHub();

async function counterOf(store: Store, name: string) {
  await t.hub.api('POST', '/users', { username: 'meena', name: 'Meena', password: 'meena-password-1', role: 'manager', storeIds: [store.id], pin: '1234' }, t.admin);
  const dev = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name }, t.admin);
  const s = await t.counter();
  await s.core.enroll({ hubUrl: t.hub.url, token: dev.token });
  await s.core.syncNow();
  await s.core.signIn({ username: 'meena', pin: '1234' });
  return s.core;
}

describe('shifts reach head office (real hub process)', () => {
  it('a shift opened and closed offline arrives open, then closed with its Z report, once; a manager of another store never sees it', async () => {
    const store = await t.hub.api<Store>('POST', '/stores', { code: 'KHI-07', name: 'Saddar Kiryana', timeZone: 'Asia/Karachi' }, t.admin);
    const other = await t.hub.api<Store>('POST', '/stores', { code: 'LHR-09', name: 'Anarkali Store' }, t.admin);
    await t.hub.api<Product>('POST', '/products', { sku: 'SOAP', name: 'Lux soap', unit: 'pc', priceMinor: 4500 }, t.admin);
    const core = await counterOf(store, 'Till 2');

    const opened = await core.openShift({ floatMinor: 100_000 });
    await core.sell({ lines: [{ product: 'SOAP', qty: 2 }], payments: [{ method: 'cash', tenderedMinor: 10_000 }] });
    await core.syncNow();
    const open = await t.hub.api<{ items: ShiftSummary[] }>('GET', `/shifts?storeId=${store.id}`, undefined, t.admin);
    expect(open.items.map((s) => [s.id, s.status, s.counterName, s.openedBy, s.floatMinor])).toEqual([[opened.shiftId, 'open', 'Till 2', 'meena', 100_000]]);

    // Closed offline with the drawer counted short by Rs 5, then a sync: the Z report replaces the open copy.
    const closed = await core.closeShift({ counted: [{ denominationMinor: 100_000, count: 1 }, { denominationMinor: 5_000, count: 1 }, { denominationMinor: 2_000, count: 1 }, { denominationMinor: 1_000, count: 1 }, { denominationMinor: 500, count: 1 }] });
    expect(closed.varianceMinor).toBe(-500);
    await core.syncNow();
    await core.syncNow();
    const detail = await t.hub.api<ShiftDetail>('GET', `/shifts/${opened.shiftId}`, undefined, t.admin);
    expect(detail).toMatchObject({ status: 'closed', closedBy: 'meena', cashExpectedMinor: 109_000, countedMinor: 108_500, varianceMinor: -500, saleBills: 1, salesMinor: 9_000, storeCode: 'KHI-07', timeZone: 'Asia/Karachi' });
    expect(detail.report).toEqual(closed);
    const audit = await t.hub.api<{ items: { action: string; after: Record<string, unknown> | null }[] }>('GET', `/logs?storeId=${store.id}&action=sync.push`, undefined, t.admin);
    const stored = audit.items.map((a) => a.after?.shiftsStored).filter((n) => n !== undefined);
    expect(stored.reduce((a, b) => Number(a) + Number(b), 0)).toBe(1);

    // Filters on the store's own days, CSV in words, and scoping.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi' }).format(new Date());
    expect((await t.hub.api<{ items: ShiftSummary[] }>('GET', `/shifts?status=closed&from=${today}&to=${today}`, undefined, t.admin)).items).toHaveLength(1);
    expect((await t.hub.api<{ items: ShiftSummary[] }>('GET', `/shifts?status=open`, undefined, t.admin)).items).toHaveLength(0);
    const csv = await fetch(`${t.hub.url}/api/v1/shifts?format=csv`, { headers: { authorization: `Bearer ${t.admin}` } }).then((r) => r.text());
    expect(csv.split('\n')[1]).toContain('Saddar Kiryana');
    // The status as the Shifts screen writes it, in the reader's language (Accept-Language).
    expect(csv.split('\n')[1]).toContain(',closed,');
    const ur = await fetch(`${t.hub.url}/api/v1/shifts?format=csv`, { headers: { authorization: `Bearer ${t.admin}`, 'accept-language': 'ur' } }).then((r) => r.text());
    expect(ur.split('\n')[1]).toContain(',بند,');
    expect(csv).toContain('-5.00');
    await t.hub.api('POST', '/users', { username: 'lahore-mgr', name: 'Lahore Manager', password: 'a-long-password-2', role: 'manager', storeIds: [other.id] }, t.admin);
    const mgr = (await t.hub.api<{ token: string }>('POST', '/auth/login', { username: 'lahore-mgr', password: 'a-long-password-2' })).token;
    expect((await t.hub.api<{ items: ShiftSummary[] }>('GET', '/shifts', undefined, mgr)).items).toHaveLength(0);
    await expect(t.hub.api('GET', `/shifts/${opened.shiftId}`, undefined, mgr)).rejects.toThrow(/404|403/);
  });
});
