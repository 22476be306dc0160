import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashStored } from '../src/core/audit/audit.verify';
import { browserTestSuite, checkEachTest, openPage, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedSignedInStore } from './support/seed';
import { goTo, scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * Issue 25: verifying the audit chain of a store with a long history must never stop the
 * counter. The store gets a long chain (written straight into its file, hash-chained as the
 * core chains it); the cashier starts "Verify the chain", goes back to the counter and scans:
 * the line is in the cart before the verification has answered.
 */
const PORT = 8846;
const PIN = '2468';
const EXTRA_ROWS = 400_000;

let browser: Browser;
let counter: CounterApp;
let page: Page;
let errors: ConsoleErrors;
const suite = browserTestSuite('counter: a scan while the audit chain is being verified');

/** Appends `n` well-chained audit rows after the store's own, as the core would have written them over a long year. */
function appendChain(path: string, n: number): void {
  const db = new Database(path);
  try {
    const last = db.prepare('SELECT hash, store_id FROM audit ORDER BY pos DESC LIMIT 1').get() as { hash: string; store_id: string | null };
    const insert = db.prepare(
      'INSERT INTO audit (id, at, actor_id, actor_name, action, entity, entity_id, store_id, before_json, after_json, prev_hash, hash) VALUES (@id, @at, @actor_id, @actor_name, @action, @entity, @entity_id, @store_id, @before_json, @after_json, @prev_hash, @hash)',
    );
    let prev = last.hash;
    const t0 = Date.UTC(2025, 11, 1);
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const row = {
          id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
          at: new Date(t0 + i * 60_000).toISOString(),
          actor_id: null,
          actor_name: 'Asif Khan',
          action: 'product.update',
          entity: 'product',
          entity_id: `p-${i % 500}`,
          store_id: last.store_id,
          before_json: `{"priceP":${i}}`,
          after_json: `{"priceP":${i + 1}}`,
          prev_hash: prev,
        };
        const hash = hashStored(row);
        insert.run({ ...row, hash });
        prev = hash;
      }
    })();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  [browser, counter] = await Promise.all([suite.launch(), startCounter({ port: PORT })]);
  await seedSignedInStore(counter.api, PIN);
  // Sign out before the long synchronous append: afterwards the client's kept-alive socket may
  // already be closed by the counter, and the sign-out would be lost with it.
  await counter.api.signOut();
  appendChain(join(counter.dataDir, 'store.db'), EXTRA_ROWS);
  ({ page, errors } = await openPage(browser, counter.url));
});

checkEachTest(() => ({ page, errors }));

endAfterAll(() => [browser, counter]);

describe.skipIf(suite.skip)(suite.title, () => {
  it('answers a scan while a full verification of a long chain runs, and the verification still finds it intact', async () => {
    await page.getByRole('button', { name: /Asif Khan/ }).waitFor();
    await page.getByLabel(/PIN/).first().fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    await goTo(page, 'F6', /History/);
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const verified = page.waitForResponse((r) => r.url().endsWith('/api/verifyAudit'), { timeout: 170_000 }).then(async (r) => ({ at: Date.now(), body: (await r.json()) as { ok: boolean; value?: { ok: boolean; checked: number } } }));
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const startedAt = Date.now();
    await goTo(page, 'F1', /^Counter$/);
    await scan(page, catalogue[0].sku);
    await page.getByTestId('cart').getByText(catalogue[0].name).waitFor();
    const scannedAt = Date.now();
    await screenshot(page, 'verify-scan-01-cart-during-verification');
    const done = await verified;
    // The order is what matters (no timing is asserted): the cart answered first, the verification after it.
    expect(scannedAt).toBeLessThan(done.at);
    const result = (done.body.value ?? done.body) as { ok: boolean; checked: number };
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(EXTRA_ROWS);
    process.stdout.write(`scan answered ${scannedAt - startedAt} ms after verification began; verification took ${done.at - startedAt} ms over ${result.checked} rows\n`);
  });
});
