import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as m0024 from '../db/migrations/0024-hub-settings';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

describe('hub settings: currency and default language', () => {
  it('reads the row a fresh hub starts with, for anyone signed in', async () => {
    const staff = await t.makeUser('staff');
    const res = await t.call('GET', '/settings', staff.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currency: 'INR', currencyMinorDigits: 2, currencySymbol: '₹', defaultLocale: 'en' });
    expect((await t.call('GET', '/settings', null)).status).toBe(401);
  });

  it('lets an admin change them, validated and audited on the hub chain; others are refused', async () => {
    const manager = await t.makeUser('manager');
    expect((await t.call('PATCH', '/settings', manager.token, { currency: 'PKR' })).status).toBe(403);
    const bad = await t.call('PATCH', '/settings', admin.token, { currency: 'XYZ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/currency/);
    expect((await t.call('PATCH', '/settings', admin.token, { defaultLocale: 'fr' })).status).toBe(400);
    expect((await t.call('PATCH', '/settings', admin.token, {})).status).toBe(400);

    const res = await t.call('PATCH', '/settings', admin.token, { currency: 'pkr', defaultLocale: 'ur' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currency: 'PKR', currencyMinorDigits: 2, currencySymbol: 'Rs', defaultLocale: 'ur' });
    expect((await t.call('GET', '/settings', manager.token)).body).toMatchObject({ currency: 'PKR', defaultLocale: 'ur' });

    const kwd = await t.call('PATCH', '/settings', admin.token, { currency: 'KWD' });
    expect(kwd.body).toMatchObject({ currency: 'KWD', currencyMinorDigits: 3, defaultLocale: 'ur' });
    // The hub's CSV answers say the currency they are in.
    const csv = await t.call('GET', '/reports/stock-value?groupBy=store&format=csv', admin.token);
    expect(String(csv.text ?? csv.body).split('\r\n')[0]).toBe('storeCode,storeName,region,products,cost (KWD),retail (KWD)');

    const audit = await t.db.db
      .selectFrom('audit_log')
      .select(['chain', 'actor_id', 'before', 'after'])
      .where('action', '=', 'hub.settings_update')
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ chain: 'hub', actor_id: admin.id, before: { currency: 'INR', defaultLocale: 'en' }, after: { currency: 'PKR', defaultLocale: 'ur' } });
    expect(audit[1]).toMatchObject({ before: { currency: 'PKR' }, after: { currency: 'KWD', defaultLocale: 'ur' } });
  });
});

describe('hub settings chosen at first setup', () => {
  it("the first account's registration sets them; a later one cannot", async () => {
    const fresh = await createTestApp();
    try {
      const first = await fresh.call('POST', '/auth/register', null, { username: 'owner', name: 'Owner', password: 'choose-a-long-password', currency: 'PKR', defaultLocale: 'ur' });
      expect(first.status).toBe(201);
      const token = first.body.token as string;
      expect((await fresh.call('GET', '/settings', token)).body).toMatchObject({ currency: 'PKR', currencySymbol: 'Rs', defaultLocale: 'ur' });
      const second = await fresh.call('POST', '/auth/register', null, { username: 'clerk', name: 'Clerk', password: 'choose-a-long-password', currency: 'INR', defaultLocale: 'hi' });
      expect(second.status).toBe(201);
      expect((await fresh.call('GET', '/settings', token)).body).toMatchObject({ currency: 'PKR', defaultLocale: 'ur' });
      const bad = await fresh.call('POST', '/auth/register', null, { username: 'third', name: 'Third', password: 'choose-a-long-password', currency: 'RUPEES' });
      expect(bad.status).toBe(400);
    } finally {
      await fresh.close();
    }
  });

  it('an existing hub gets PKR when most stores keep Karachi time, else INR', async () => {
    const fresh = await createTestApp();
    try {
      const db = fresh.db.db;
      const stores = [await fresh.makeStore('K1'), await fresh.makeStore('K2'), await fresh.makeStore('D1')];
      const zone = async (id: string, tz: string) => sql`UPDATE stores SET time_zone = ${tz} WHERE id = ${id}`.execute(db);
      await zone(stores[0]!.id, 'Asia/Karachi');
      await zone(stores[1]!.id, 'Asia/Karachi');
      const rerun = async () => {
        await m0024.down(db);
        await m0024.up(db);
        return db.selectFrom('hub_settings').select(['currency', 'default_locale']).execute();
      };
      expect(await rerun()).toEqual([{ currency: 'PKR', default_locale: 'en' }]);
      await zone(stores[1]!.id, 'Asia/Kolkata');
      expect(await rerun()).toEqual([{ currency: 'INR', default_locale: 'en' }]);
    } finally {
      await fresh.close();
    }
  });
});
