import { describe, expect, it } from 'vitest';
import { expectError } from '../testing/expect-error';
import { protocolHubFixture } from '../testing/protocol-hub.fixture';

/*
 * First run (issue 16): a counter that joins a hub gets a store only once the hub has accepted
 * its token, and a setup left half-way (a store with no user, no hub, nothing recorded) can be
 * started over with the code and name the person types.
 */
const TOKEN = 'device-token-a-0123456789abcdef';
const f = protocolHubFixture(TOKEN);
const fresh = () => f.store({ init: false });

describe('first-run store setup', () => {
  it('a refused token creates nothing; the right one creates the store and enrolls it', async () => {
    const core = await fresh();
    await expectError(core.enroll({ hubUrl: f.url, token: 'wrong-token-0123456789' }), 'UNAUTHENTICATED', /refused this device token/);
    expect(await core.info()).toMatchObject({ initialised: false, enrolled: false, storeCode: null });
    await core.enroll({ hubUrl: f.url, token: TOKEN });
    expect(await core.info()).toMatchObject({ initialised: true, enrolled: true });
    await core.syncNow();
    expect((await core.info()).storeCode).toBe('HUB-1');
  });

  it('an unreachable hub creates nothing either', async () => {
    const core = await fresh();
    await f.hub.stop();
    await expectError(core.enroll({ hubUrl: f.url, token: TOKEN }), 'SERVICE_UNAVAILABLE');
    expect((await core.info()).initialised).toBe(false);
    f.url = await f.hub.start();
  });

  it('a store left half-way is started over; one with a user, a movement or a hub is not', async () => {
    const core = await fresh();
    await core.initStore({ code: 'COUNTER', name: 'New counter' });
    await core.initStore({ code: 'DEL-01', name: 'Sharma General Store' });
    expect(await core.info()).toMatchObject({ storeCode: 'DEL-01', storeName: 'Sharma General Store' });
    const audit = await core.auditLog({ action: 'store.init', limit: 10 });
    expect(audit.items.map((e) => e.after)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'DEL-01' }), expect.objectContaining({ code: 'COUNTER' })]));

    await core.createUser({ username: 'ramesh', name: 'Ramesh', role: 'admin', pin: '1234' });
    await expectError(core.initStore({ code: 'X', name: 'Y' }), 'CONFLICT', /already holds a store/);

    const recorded = await fresh();
    await recorded.initStore({ code: 'S1', name: 'Sharma Kirana' });
    await recorded.addProduct({ sku: 'LOCAL-1', name: 'Local pickle', unit: 'pc', priceMinor: 5000 });
    await recorded.stockIn({ product: 'LOCAL-1', qty: 10 });
    await expectError(recorded.initStore({ code: 'X', name: 'Y' }), 'CONFLICT');

    const joined = await fresh();
    await joined.enroll({ hubUrl: f.url, token: TOKEN });
    await expectError(joined.initStore({ code: 'X', name: 'Y' }), 'CONFLICT');
  });

  it('a counter that joined a hub and recorded nothing starts over from scratch; one that recorded something does not', async () => {
    const joined = await fresh();
    await joined.enroll({ hubUrl: f.url, token: TOKEN });
    await joined.syncNow();
    const before = await joined.info();
    await joined.startSetupOver();
    expect(await joined.info()).toMatchObject({ initialised: false, enrolled: false, storeCode: null, usersExist: false });
    // A new store of its own, with new ids (nothing of the hub's store is kept).
    await joined.initStore({ code: 'LHR-02', name: 'Anarkali Store' });
    const after = await joined.info();
    expect(after).toMatchObject({ storeCode: 'LHR-02', enrolled: false });
    // The hub's catalogue and stock went with the enrollment.
    expect((await joined.listStock({ limit: 10 })).total).toBe(0);
    expect([after.storeId, after.deviceId]).not.toEqual([before.storeId, before.deviceId]);
    expect((await joined.auditLog({ action: 'store.start-over', limit: 5 })).items).toHaveLength(1);

    const used = await fresh();
    await used.enroll({ hubUrl: f.url, token: TOKEN });
    await used.syncNow();
    // A customer taken down at this counter is its own record: starting over would lose it.
    await used.addCustomer({ name: 'Ravi Kumar', phone: '+91 98100 11111' });
    await expectError(used.startSetupOver(), 'CONFLICT', /can no longer be started over/);
    expect((await used.info()).enrolled).toBe(true);

    const standAlone = await fresh();
    await standAlone.initStore({ code: 'S2', name: 'Corner Shop' });
    await expectError(standAlone.startSetupOver(), 'BAD_REQUEST');
  });
});
