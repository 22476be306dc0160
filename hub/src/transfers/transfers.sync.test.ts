import { uuidv7, type Conflict, type InTransitRow, type SyncTransfersResponse, type Transfer, type TransferView } from '@bazaar/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from '../sync/sync.test-kit';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

let from: { id: string; code: string };
let to: { id: string; code: string };
let rice: { id: string; sku: string };
let soap: { id: string; sku: string };
let sender: SimDevice;
let receiver: SimDevice;
let managerFrom: TestUser;
let managerTo: TestUser;

beforeAll(async () => {
  from = await t.makeStore(`TF${uuidv7().slice(-6)}`);
  to = await t.makeStore(`TT${uuidv7().slice(-6)}`);
  rice = await t.makeProduct({ sku: `TR-${uuidv7()}` });
  soap = await t.makeProduct({ sku: `TS-${uuidv7()}` });
  sender = await SimDevice.enroll(t, admin.token, from.id, 'Sender till');
  receiver = await SimDevice.enroll(t, admin.token, to.id, 'Receiver till');
  managerFrom = await t.makeUser('manager', [from.id]);
  managerTo = await t.makeUser('manager', [to.id]);
});

async function draft(lines: { productId: string; qty: number }[]): Promise<TransferView> {
  const res = await t.call('POST', '/transfers', admin.token, { fromStoreId: from.id, toStoreId: to.id, lines });
  expect(res.status, res.text).toBe(201);
  return res.body as TransferView;
}

const plain = (v: TransferView): Transfer => {
  const { fromStore: _f, toStore: _t, lines, ...rest } = v;
  return { ...rest, lines: lines.map(({ discrepancy: _d, inTransit: _i, writtenOff: _w, ...l }) => l) };
};

/** The sending counter dispatches (quantities per product), its TRANSFER_OUT movements beside the document. */
function dispatch(doc: Transfer, sent: Record<string, number>) {
  const lines = doc.lines.map((l) => ({ ...l, qtySent: sent[l.productId] ?? l.qtySent }));
  const out: Transfer = { ...doc, status: 'dispatched', lines, dispatchedAt: new Date().toISOString(), dispatchedBy: { id: null, name: 'ravi' } };
  const moves = lines.filter((l) => l.qtySent > 0).map((l) => ({ ...sender.record('TRANSFER_OUT', l.productId, -l.qtySent), batchId: doc.id }));
  return { movements: moves, transfers: [out] };
}

/** The receiving counter counts lines in (against the copy it knows), its TRANSFER_IN movements beside. */
function receive(doc: Transfer, counted: Record<string, [number, number]>, close = false) {
  const lines = doc.lines.map((l) => (counted[l.productId] ? { ...l, qtyReceived: counted[l.productId]![0], qtyDamaged: counted[l.productId]![1] } : l));
  const at = new Date().toISOString();
  const got: Transfer = { ...doc, lines, receivedAt: at, receivedBy: { id: null, name: 'asha' }, ...(close ? { closedAt: at, closedBy: { id: null, name: 'asha' } } : {}) };
  const moves = Object.entries(counted)
    .filter(([, [q]]) => q > 0)
    .map(([p, [q]]) => ({ ...receiver.record('TRANSFER_IN', p, q), batchId: doc.id }));
  return { body: { movements: moves, transfers: [got] }, doc: got };
}

async function push(device: SimDevice, body: { movements: unknown[]; transfers: Transfer[] }) {
  const res = await t.call('POST', '/sync/push', device.token, body);
  expect(res.status, res.text).toBe(200);
}

const stockOf = async (storeId: string, productId: string) =>
  Number((await t.db.db.selectFrom('stock').select('qty').where('store_id', '=', storeId).where('product_id', '=', productId).executeTakeFirst())?.qty ?? 0);
const discrepancies = async (transferId: string) =>
  (await t.db.db.selectFrom('conflicts').selectAll().where('kind', '=', 'TRANSFER_DISCREPANCY').execute()).filter((c) => (c.details as { transferId?: string }).transferId === transferId);
const inTransit = async (token = admin.token) => {
  const res = await t.call('GET', `/reports/in-transit?storeId=${from.id}`, token);
  expect(res.status, res.text).toBe(200);
  return (res.body as { items: InTransitRow[] }).items;
};
const view = async (id: string, token = admin.token) => (await t.call('GET', `/transfers/${id}`, token)).body as TransferView;

describe('transfers on the push', () => {
  it('a receipt that reaches the hub before its dispatch is settled when the dispatch arrives: in transit right at every step, the discrepancy raised once', async () => {
    const planned = await draft([
      { productId: rice.id, qty: 10 },
      { productId: soap.id, qty: 3 },
    ]);
    expect(planned.number).toBe(`${from.code}-HO-T000001`);
    // Both counters learn of it, then go offline.
    for (const d of [sender, receiver]) {
      const res = await t.call('GET', '/sync/transfers', d.token);
      expect(res.status).toBe(200);
      const body = res.body as SyncTransfersResponse;
      expect(body.transfers.map((x) => x.id)).toContain(planned.id);
      expect(body.stores.map((s) => s.id)).toEqual([d === sender ? to.id : from.id]);
    }
    const doc = plain(planned);
    const sent = dispatch(doc, { [rice.id]: 9 });
    // The receiver counts against the draft it knows: 8 good and 1 damaged rice, all the soap.
    const got = receive(doc, { [rice.id]: [8, 1], [soap.id]: [3, 0] });
    await push(receiver, got.body);
    expect(await stockOf(to.id, rice.id)).toBe(8);
    expect(await stockOf(from.id, rice.id)).toBe(0);
    // Counted in, not yet known to have left: negative in transit keeps the totals right.
    expect((await inTransit()).map((r) => [r.sku, r.qty])).toEqual([
      [rice.sku, -8],
      [soap.sku, -3],
    ].sort());
    expect(await discrepancies(planned.id)).toHaveLength(0);

    await push(sender, sent);
    expect(await stockOf(from.id, rice.id)).toBe(-9);
    expect(await inTransit()).toEqual([]);
    const raised = await discrepancies(planned.id);
    expect(raised).toHaveLength(1);
    expect(raised[0]!.store_id).toBe(to.id);
    expect((raised[0]!.details as { lines: unknown[] }).lines).toEqual([expect.objectContaining({ sku: rice.sku, qtySent: 9, qtyReceived: 8, qtyDamaged: 1, short: 0, over: 0, damaged: 1 })]);
    const v = await view(planned.id);
    expect(v.status).toBe('received');
    expect(v.lines.map((l) => [l.qtySent, l.qtyReceived, l.inTransit])).toEqual([
      [9, 8, 0],
      [3, 3, 0],
    ]);

    // Replays of both pushes change nothing and raise nothing.
    await push(receiver, got.body);
    await push(sender, sent);
    expect(await discrepancies(planned.id)).toHaveLength(1);
    expect(await stockOf(to.id, rice.id)).toBe(8);
    expect(await t.db.db.selectFrom('transfer_receipt_lines').select('product_id').where('transfer_id', '=', planned.id).execute()).toHaveLength(2);

    // Managers of both stores see the discrepancy; each of them sees the transfer.
    for (const m of [managerFrom, managerTo]) {
      const list = await t.call('GET', '/conflicts?kind=TRANSFER_DISCREPANCY', m.token);
      expect((list.body as { items: Conflict[] }).items.map((c) => c.id)).toContain(raised[0]!.id);
      expect((await t.call('GET', `/conflicts/${raised[0]!.id}`, m.token)).status).toBe(200);
      expect((await view(planned.id, m.token)).id).toBe(planned.id);
    }
  });

  it('dispatched first: in transit until counted in line by line; closing short raises the shortage', async () => {
    const planned = await draft([
      { productId: rice.id, qty: 4 },
      { productId: soap.id, qty: 2 },
    ]);
    const doc = plain(planned);
    const sent = dispatch(doc, {});
    await push(sender, sent);
    expect((await view(planned.id)).status).toBe('dispatched');
    expect((await inTransit()).map((r) => [r.sku, r.qty]).sort()).toEqual([
      [rice.sku, 4],
      [soap.sku, 2],
    ].sort());
    const known = sent.transfers[0]!;
    const first = receive(known, { [rice.id]: [4, 0] });
    await push(receiver, first.body);
    expect((await view(planned.id)).status).toBe('partly_received');
    expect((await inTransit()).map((r) => [r.sku, r.qty])).toEqual([[soap.sku, 2]]);
    expect(await discrepancies(planned.id)).toHaveLength(0);
    // The soap never came: the receiver closes the transfer.
    const closed = receive(first.doc, {}, true);
    await push(receiver, closed.body);
    expect((await view(planned.id)).status).toBe('closed');
    expect(await inTransit()).toEqual([]);
    const raised = await discrepancies(planned.id);
    expect(raised).toHaveLength(1);
    expect((raised[0]!.details as { lines: { sku: string; short: number }[] }).lines.map((l) => [l.sku, l.short])).toEqual([[soap.sku, 2]]);
  });

  it('dispatch and receipt pushed at the same moment still settle once', async () => {
    for (let round = 0; round < 4; round++) {
      const planned = await draft([{ productId: rice.id, qty: 5 }]);
      const doc = plain(planned);
      const sent = dispatch(doc, { [rice.id]: 5 });
      const got = receive(doc, { [rice.id]: [4, 0] });
      const [a, b] = await Promise.all([t.call('POST', '/sync/push', sender.token, sent), t.call('POST', '/sync/push', receiver.token, got.body)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(await discrepancies(planned.id)).toHaveLength(1);
      expect((await view(planned.id)).status).toBe('received');
    }
  });

  it('a line counted in by two offline counters of the receiving store is kept once and flagged once', async () => {
    const second = await SimDevice.enroll(t, admin.token, to.id, 'Second till');
    const planned = await draft([{ productId: soap.id, qty: 2 }]);
    const sent = dispatch(plain(planned), {});
    await push(sender, sent);
    const one = receive(sent.transfers[0]!, { [soap.id]: [2, 0] });
    await push(receiver, one.body);
    const again = { ...one.doc, receivedAt: new Date().toISOString() };
    const m = { ...second.record('TRANSFER_IN', soap.id, 2), batchId: planned.id };
    for (let i = 0; i < 2; i++) await push(second, { movements: [m], transfers: [again] });
    const flagged = (await discrepancies(planned.id)).filter((c) => (c.details as { problem: string }).problem === 'counted_twice');
    expect(flagged).toHaveLength(1);
    expect((await view(planned.id)).lines[0]!.qtyReceived).toBe(2);
  });

  it('refuses a transfer from a store the manager does not run, and bad lines by name', async () => {
    const refused = await t.call('POST', '/transfers', managerTo.token, { fromStoreId: from.id, toStoreId: to.id, lines: [{ productId: rice.id, qty: 1 }] });
    expect(refused.status).toBe(404);
    const bad = await t.call('POST', '/transfers', admin.token, { fromStoreId: from.id, toStoreId: to.id, lines: [{ productId: rice.id, qty: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('more than zero');
    const same = await t.call('POST', '/transfers', admin.token, { fromStoreId: from.id, toStoreId: from.id, lines: [{ productId: rice.id, qty: 1 }] });
    expect(same.status).toBe(400);
    const list = await t.call('GET', `/transfers?storeId=${from.id}&status=closed`, managerFrom.token);
    expect((list.body as { items: TransferView[] }).items.map((x) => x.status)).toEqual(['closed']);
  });
});
