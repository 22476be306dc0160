import { afterEach, beforeEach } from 'vitest';
import { ProtocolHub } from './protocol-hub';
import { tempStore } from './temp-store';
import type { StoreCore } from '../store-core';

/**
 * A fresh protocol stand-in hub per test (accepting `tokens`) and store files that are removed
 * after it: `fixture.hub`, `fixture.url`, `await fixture.store()`.
 */
export function protocolHubFixture(...tokens: string[]) {
  const cleanups: (() => Promise<void>)[] = [];
  const fixture = {
    hub: new ProtocolHub(),
    url: '',
    async store(opts: { init?: boolean } = {}): Promise<StoreCore> {
      const s = await tempStore(opts);
      cleanups.push(s.cleanup);
      return s.core;
    },
  };
  beforeEach(async () => {
    fixture.hub = new ProtocolHub();
    for (const t of tokens) fixture.hub.tokens.add(t);
    fixture.url = await fixture.hub.start();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    await fixture.hub.stop();
  });
  return fixture;
}
