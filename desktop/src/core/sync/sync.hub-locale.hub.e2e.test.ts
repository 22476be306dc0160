import type { Product, Store } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { useTestHub } from '../testing/test-hub';

const t = useTestHub();

describe("the hub's currency and default language reach the counter (real hub process)", () => {
  it('arrive on enroll, follow a change on the next pull, and receipts say the currency', async () => {
    const store = await t.hub.api<Store>('POST', '/stores', { code: 'KHI-01', name: 'Saddar Kiryana', timeZone: 'Asia/Karachi' }, t.admin);
    await t.hub.api<Product>('POST', '/products', { sku: 'CHAI', name: 'Tapal Danedar', unit: 'pc', priceMinor: 145050 }, t.admin);
    await t.hub.api('PATCH', '/settings', { currency: 'PKR', defaultLocale: 'ur' }, t.admin);
    const dev = await t.hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Till 1' }, t.admin);

    const { core } = await t.counter();
    // Stand-alone: nothing heard from a hub yet; receipts keep the counter's own label.
    expect(await core.billSettings()).toMatchObject({ currency: null, defaultLocale: null, currencyLabel: 'Rs' });
    await core.enroll({ hubUrl: t.hub.url, token: dev.token });
    expect(await core.billSettings()).toMatchObject({ currency: 'PKR', defaultLocale: 'ur', currencyLabel: 'Rs' });
    await core.syncNow();

    await core.stockIn({ product: 'CHAI', qty: 10 });
    const sale = await core.sell({ lines: [{ product: 'CHAI', qty: 1 }], payments: [{ method: 'cash', tenderedMinor: 150_000 }] });
    expect((await core.showBill({ bill: sale.billNumber })).receiptText).toMatch(/^TOTAL Rs +1,450\.50$/m);
    await core.syncNow();

    // Head office switches the hub to rupees of India and Hindi: the next pull brings both.
    await t.hub.api('PATCH', '/settings', { currency: 'INR', defaultLocale: 'hi' }, t.admin);
    await core.syncNow();
    expect(await core.billSettings()).toMatchObject({ currency: 'INR', defaultLocale: 'hi', currencyLabel: '₹' });
    // The store's own language comes before the hub's default (user > store > hub); cleared, the hub's again.
    await t.hub.api('PATCH', `/stores/${store.id}`, { defaultLocale: 'ur' }, t.admin);
    await core.syncNow();
    expect(await core.billSettings()).toMatchObject({ defaultLocale: 'ur' });
    await t.hub.api('PATCH', `/stores/${store.id}`, { defaultLocale: null }, t.admin);
    await core.syncNow();
    expect(await core.billSettings()).toMatchObject({ defaultLocale: 'hi' });
    expect((await core.showBill({ bill: sale.billNumber })).receiptText).toMatch(/TOTAL ₹ +1,450\.50$/m);

    // A currency of three decimals (Kuwaiti dinar, fils): receipts print the stored minor units with three digits.
    await t.hub.api('PATCH', '/settings', { currency: 'KWD' }, t.admin);
    await core.syncNow();
    expect(await core.billSettings()).toMatchObject({ currency: 'KWD', currencyLabel: 'KWD', minorDigits: 3 });
    expect((await core.showBill({ bill: sale.billNumber })).receiptText).toMatch(/^TOTAL KWD +145\.050$/m);
  });
});
