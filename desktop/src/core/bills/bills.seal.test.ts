import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreCore } from '../store-core';
import { billStore, manager } from './bills.testing';

/**
 * A bill's audit row seals the bill and its movements instead of repeating every line
 * (issue 25: the lines made the audit table the largest of a year's file). Verification
 * recomputes the seal, so editing a bill, one of its movements, or deleting it is still found.
 */
let core: StoreCore;
let path: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ core, path, cleanup } = await billStore()));
afterEach(async () => cleanup());

/** Change the file behind the core's back, as someone with the file alone could. */
function tamper(sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

describe("a bill's audit row", () => {
  it('holds no lines, only their count, seqs and digests; the chain verifies, a void included', async () => {
    const sale = await core.sell({ lines: [{ product: 'ATTA-5', qty: 2 }, { product: 'SOAP', qty: 3 }, { product: 'RICE', qty: 1250 }] });
    await core.voidBill({ bill: sale.billNumber, reason: 'wrong customer', approval: manager });
    const row = new Database(path, { readonly: true }).prepare("SELECT after_json FROM audit WHERE entity = 'bill' AND entity_id = ? ORDER BY pos LIMIT 1").get(sale.bill.id) as { after_json: string };
    const after = JSON.parse(row.after_json) as Record<string, unknown>;
    expect(after).not.toHaveProperty('lines');
    expect(after).toMatchObject({ number: sale.billNumber, lineCount: 3, docSha256: expect.stringMatching(/^[0-9a-f]{64}$/), movesSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(row.after_json.length).toBeLessThan(600);
    expect(await core.verifyAudit({ full: true })).toMatchObject({ ok: true });
  });

  it('finds a bill whose price was edited in the file', async () => {
    const sale = await core.sell({ lines: [{ product: 'ATTA-5', qty: 2 }] });
    tamper("UPDATE bills SET doc_json = replace(doc_json, '\"totalMinor\":53000', '\"totalMinor\":43000') WHERE id = ?", sale.bill.id);
    const v = await core.verifyAudit({ full: true });
    expect(v).toMatchObject({ ok: false, firstBroken: { reason: expect.stringMatching(/bill differs from what was recorded/) } });
  });

  it('finds a movement of the bill edited, and a bill deleted', async () => {
    const sale = await core.sell({ lines: [{ product: 'SOAP', qty: 3 }] });
    tamper('UPDATE movements SET qty = -1 WHERE batch_id = ?', sale.bill.id);
    expect(await core.verifyAudit({ full: true })).toMatchObject({ ok: false, firstBroken: { reason: expect.stringMatching(/stock movements differ/) } });
    tamper('UPDATE movements SET qty = -3 WHERE batch_id = ?', sale.bill.id);
    expect(await core.verifyAudit({ full: true })).toMatchObject({ ok: true });
    tamper('DELETE FROM bills WHERE id = ?', sale.bill.id);
    expect(await core.verifyAudit({ full: true })).toMatchObject({ ok: false, firstBroken: { reason: expect.stringMatching(/gone \(deleted\)/) } });
  });
});
