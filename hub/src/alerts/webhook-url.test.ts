import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformTestApp, type PlatformTestApp } from '../test/platform-app';
import { isInternalAddress, isInternalHost, resolvePublicAddress } from './webhook-url';
import { pinnedLookup, postWebhook } from './webhook.post';

/** Issue 13 item 7: the webhook guard checks what a name resolves to, at delivery, and connects there. */
describe('webhook address guard', () => {
  let server: Server;
  let port = 0;
  let received = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received += 1;
      req.resume();
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('refuses trailing-dot, internal names and every spelling of an internal address', () => {
    const hosts = ['http://localhost./', 'http://foo.localhost./', 'http://metadata.google.internal./', 'http://LOCALHOST/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.1/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:a9fe:a9fe]/', 'http://[::1]/', 'http://[fe80::1]/', 'http://[fd00::1]/', 'http://100.64.0.1/', 'http://169.254.169.254/', 'http://10.1.2.3/', 'http://192.168.0.1/', 'http://172.31.0.1/', 'http://0.0.0.0/', 'http://[64:ff9b::7f00:1]/', 'http://[2002:7f00:1::]/'];
    for (const url of hosts) expect(isInternalHost(new URL(url).hostname), url).toBe(true);
    for (const url of ['https://hooks.example.com/x', 'http://93.184.216.34/', 'http://[2606:4700::1111]/']) expect(isInternalHost(new URL(url).hostname), url).toBe(false);
  });

  it('a name with any internal A/AAAA record is refused (a rebinding resolver answers it to the connect)', async () => {
    const mixed = async () => [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:127.0.0.1', family: 6 }];
    await expect(resolvePublicAddress('hooks.example.com', mixed)).rejects.toThrow(/internal address/);
    const cgnat = async () => [{ address: '100.100.100.100', family: 4 }];
    await expect(resolvePublicAddress('hooks.example.com', cgnat)).rejects.toThrow(/internal/);
    const ok = async () => [{ address: '93.184.216.34', family: 4 }, { address: '2606:4700::1111', family: 6 }];
    expect(await resolvePublicAddress('hooks.example.com', ok)).toEqual({ address: '93.184.216.34', family: 4 });
    expect(isInternalAddress('not an address')).toBe(true);
  });

  it('the connect uses the checked address whatever the name resolves to later', async () => {
    const lookup = pinnedLookup('93.184.216.34', 4);
    const one = await new Promise((r) => lookup('rebind.example', {}, (_e, address) => r(address)));
    expect(one).toBe('93.184.216.34');
    const all = await new Promise((r) => lookup('rebind.example', { all: true }, (_e, addresses) => r(addresses)));
    expect(all).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });

  it('at delivery, internal targets are refused before any connection; development mode still delivers locally', async () => {
    for (const host of ['localhost.', '127.0.0.1', '[::ffff:127.0.0.1]', '2130706433', '0177.0.0.1']) {
      await expect(postWebhook({ url: `http://${host}:${port}/hook`, body: '{}', headers: {}, timeoutMs: 2_000, allowPrivate: false })).rejects.toThrow(/internal/);
    }
    expect(received).toBe(0);
    expect(await postWebhook({ url: `http://127.0.0.1:${port}/hook`, body: '{}', headers: {}, timeoutMs: 2_000, allowPrivate: true })).toBe(204);
    expect(received).toBe(1);
  });

  describe('saving a webhook in production mode', () => {
    let t: PlatformTestApp;
    beforeAll(async () => {
      t = await createPlatformTestApp({ config: { HUB_MODE: 'production' } });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    it('refuses trailing-dot internal names', async () => {
      const store = await t.makeStore();
      const admin = await t.makeUser('admin');
      for (const url of ['http://localhost./', 'http://foo.localhost./', 'http://metadata.google.internal./', 'http://2130706433/']) {
        const res = await t.call('PUT', `/alerts/webhooks/${store.id}`, admin.token, { url });
        expect(res.status, url).toBe(400);
        expect(res.body.error.message).toMatch(/^url: /);
      }
    });
  });
});
