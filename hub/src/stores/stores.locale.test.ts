import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from '../sync/sync.test-kit';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

describe("a store's language (user > store > hub default)", () => {
  it('is set on create and change, cleared with null, validated, audited, and reaches its counters on the pull', async () => {
    const created = await t.call('POST', '/stores', admin.token, { code: 'DEL-01', name: 'Chandni Chowk Kirana', timeZone: 'Asia/Kolkata', defaultLocale: 'hi' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'DEL-01', defaultLocale: 'hi' });
    const plain = await t.call('POST', '/stores', admin.token, { code: 'LHR-01', name: 'Anarkali Store', timeZone: 'Asia/Karachi' });
    expect(plain.body.defaultLocale).toBeNull();
    expect((await t.call('POST', '/stores', admin.token, { code: 'BAD-01', name: 'Bad', defaultLocale: 'fr' })).status).toBe(400);

    const manager = await t.makeUser('manager', [plain.body.id]);
    expect((await t.call('PATCH', `/stores/${plain.body.id}`, manager.token, { defaultLocale: 'ur' })).status).toBe(403);
    const changed = await t.call('PATCH', `/stores/${plain.body.id}`, admin.token, { defaultLocale: 'ur' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ code: 'LHR-01', name: 'Anarkali Store', defaultLocale: 'ur', timeZone: 'Asia/Karachi' });
    // A change that does not name it keeps it.
    expect((await t.call('PATCH', `/stores/${plain.body.id}`, admin.token, { name: 'Anarkali Kiryana' })).body.defaultLocale).toBe('ur');
    const audit = await t.db.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'store.update').where('entity_id', '=', plain.body.id).orderBy('seq').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ before: { defaultLocale: null }, after: { defaultLocale: 'ur' } });

    // The pull says the hub's default and the store's own; a store without one follows the hub.
    await t.call('PATCH', '/settings', admin.token, { defaultLocale: 'en' });
    const lahore = await SimDevice.enroll(t, admin.token, plain.body.id, 'lhr');
    const delhi = await SimDevice.enroll(t, admin.token, created.body.id, 'del');
    const [lp] = await lahore.pullAll(100);
    const [dp] = await delhi.pullAll(100);
    expect({ store: lp!.store.defaultLocale, hub: lp!.hub?.defaultLocale }).toEqual({ store: 'ur', hub: 'en' });
    expect({ store: dp!.store.defaultLocale, hub: dp!.hub?.defaultLocale }).toEqual({ store: 'hi', hub: 'en' });

    const cleared = await t.call('PATCH', `/stores/${created.body.id}`, admin.token, { defaultLocale: null });
    expect(cleared.body.defaultLocale).toBeNull();
    expect((await t.call('GET', `/stores/${created.body.id}`, admin.token)).body.defaultLocale).toBeNull();
  });
});
