import { DomainError, formatTransferNumber, transferStatusOf, uuidv7, type Transfer, type TransferLine } from '@bazaar/shared';
import type { z } from 'zod';
import { billStoreSync } from '../bills/bills.settings';
import { requireActor, type CoreContext } from '../core.context';
import { prepared } from '../db/prepared';
import { writeTxSync } from '../db/write-tx';
import { appendAuditSync, appendMovementsSync, productByCodeSync } from '../movements/movements.sale';
import type { createTransferInput, dispatchTransferInput, listTransfersInput, receiveTransferInput, TransferCounterView } from './transfers.api';
import { docOf, findTransferSync, saveTransferSync, viewOf } from './transfers.repository';

const person = (a: { id: string | null; name: string | null }) => ({ id: a.id, name: a.name });

function productOf(ctx: CoreContext, code: string, where: string) {
  const p = productByCodeSync(ctx.raw, code);
  if (!p) throw new DomainError('NOT_FOUND', `${where}: no product ${code}`);
  return p;
}

/** A transfer made at this (the sending) counter: a draft, numbered by this counter, nothing moves yet. */
export async function createTransfer(ctx: CoreContext, i: z.output<typeof createTransferInput>): Promise<TransferCounterView> {
  const actor = await requireActor(ctx);
  return writeTxSync(ctx.db, ctx.raw, () => {
    const store = billStoreSync(ctx.raw);
    const to = (prepared(ctx.raw, 'SELECT id, code, name FROM transfer_stores WHERE id = ? OR code = ?').get(i.to.toLowerCase(), i.to.toUpperCase()) ?? undefined) as { id: string } | undefined;
    if (!to) throw new DomainError('NOT_FOUND', `to: no store ${i.to} to send to (head office plans the first transfer to a store; a sync lists it here)`);
    if (to.id === store.storeId) throw new DomainError('VALIDATION_FAILED', 'to: a transfer goes to another store');
    const seen = new Set<string>();
    const lines: TransferLine[] = i.lines.map((l, n) => {
      const p = productOf(ctx, l.product, `line ${n + 1}`);
      if (p.archived) throw new DomainError('VALIDATION_FAILED', `line ${n + 1}: ${p.sku} is archived`);
      if (seen.has(p.id)) throw new DomainError('VALIDATION_FAILED', `line ${n + 1}: ${p.sku} is already on this transfer`);
      seen.add(p.id);
      return { lineNo: n + 1, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, qtySent: l.qty, qtyReceived: null, qtyDamaged: 0 };
    });
    const top = prepared(ctx.raw, "SELECT max(counter_no) AS max FROM transfers WHERE origin = 'counter' AND counter_code = ?").get(store.counterCode) as { max: number | null } | undefined;
    const counterNo = Number(top?.max ?? 0) + 1;
    const at = new Date(ctx.clock.nowMs()).toISOString();
    const doc: Transfer = {
      id: uuidv7(ctx.clock.nowMs()),
      number: formatTransferNumber(store.storeCode, store.counterCode, counterNo),
      origin: 'counter',
      counterCode: store.counterCode,
      counterNo,
      fromStoreId: store.storeId,
      toStoreId: to.id,
      status: 'draft',
      note: i.note ?? null,
      lines,
      createdAt: at,
      createdBy: person(actor),
      dispatchedAt: null,
      dispatchedBy: null,
      receivedAt: null,
      receivedBy: null,
      closedAt: null,
      closedBy: null,
      cancelledAt: null,
    };
    // A draft made here stays here until it is dispatched (version 0: nothing to push yet).
    saveTransferSync(ctx.raw, doc, at, false);
    appendAuditSync(ctx.raw, { actor, action: 'transfer.create', entity: 'transfer', entityId: doc.id, storeId: store.storeId, before: null, after: { number: doc.number, toStoreId: to.id, lines: lines.map((l) => [l.sku, l.qtySent]) }, at: new Date(at) });
    return viewOf(ctx.raw, doc, store.storeId);
  });
}

/**
 * Dispatch at the sending counter: the TRANSFER_OUT movements (batch id = the transfer id) and the
 * document's new state in one SQLite transaction, so stock leaves the source exactly when the
 * transfer says it was dispatched, and both travel on the next push.
 */
export async function dispatchTransfer(ctx: CoreContext, i: z.output<typeof dispatchTransferInput>): Promise<TransferCounterView> {
  const actor = await requireActor(ctx);
  return writeTxSync(ctx.db, ctx.raw, () => {
    const store = billStoreSync(ctx.raw);
    const { row, doc } = findTransferSync(ctx.raw, i.transfer);
    if (doc.fromStoreId !== store.storeId) throw new DomainError('CONFLICT', `${doc.number} is sent by another store; receive it instead`);
    if (doc.status !== 'draft') throw new DomainError('CONFLICT', `${doc.number} is ${doc.status.replace('_', ' ')}, not a draft`);
    const lines = doc.lines.map((l) => ({ ...l }));
    for (const [n, o] of i.lines.entries()) {
      const p = productOf(ctx, o.product, `line ${n + 1}`);
      const line = lines.find((l) => l.productId === p.id);
      if (!line) throw new DomainError('VALIDATION_FAILED', `line ${n + 1}: ${p.sku} is not on ${doc.number}`);
      line.qtySent = o.qty;
    }
    const sending = lines.filter((l) => l.qtySent > 0);
    if (sending.length === 0) throw new DomainError('VALIDATION_FAILED', 'lines: nothing would leave; send at least one line');
    const specs = sending.map((l) => ({ product: productOf(ctx, l.productId, l.sku), kind: 'TRANSFER_OUT' as const, qty: -l.qtySent, unitPriceMinor: null, unitCostMinor: null, reason: null, note: `transfer ${doc.number}` }));
    const written = appendMovementsSync(ctx.raw, ctx.clock, doc.id, actor.userId, specs);
    const at = written[0]!.row.occurred_at;
    const next: Transfer = { ...doc, lines, dispatchedAt: at, dispatchedBy: person(actor) };
    const out = { ...next, status: transferStatusOf(next) };
    saveTransferSync(ctx.raw, out, at, true, row);
    appendAuditSync(ctx.raw, { actor, action: 'transfer.dispatch', entity: 'transfer', entityId: doc.id, storeId: store.storeId, before: { status: doc.status }, after: { number: doc.number, lines: lines.map((l) => [l.sku, l.qtySent]), seqs: [written[0]!.row.seq, written.at(-1)!.row.seq] }, at: new Date(at) });
    return viewOf(ctx.raw, out, store.storeId);
  });
}

/**
 * Count a transfer in at the receiving counter, line by line: TRANSFER_IN movements for the good
 * units (batch id = the transfer id) and the counts on the document, in one transaction. Damaged
 * units are recorded, not put into stock; a close says nothing more will come.
 */
export async function receiveTransfer(ctx: CoreContext, i: z.output<typeof receiveTransferInput>): Promise<TransferCounterView> {
  const actor = await requireActor(ctx);
  return writeTxSync(ctx.db, ctx.raw, () => {
    const store = billStoreSync(ctx.raw);
    const { row, doc } = findTransferSync(ctx.raw, i.transfer);
    if (doc.toStoreId !== store.storeId) throw new DomainError('CONFLICT', `${doc.number} goes to another store; dispatch it instead`);
    if (doc.status === 'cancelled' || doc.status === 'closed') throw new DomainError('CONFLICT', `${doc.number} is ${doc.status}`);
    const lines = doc.lines.map((l) => ({ ...l }));
    const counted: TransferLine[] = [];
    for (const [n, c] of i.lines.entries()) {
      const p = productOf(ctx, c.product, `line ${n + 1}`);
      const line = lines.find((l) => l.productId === p.id);
      if (!line) throw new DomainError('VALIDATION_FAILED', `line ${n + 1}: ${p.sku} is not on ${doc.number}`);
      if (line.qtyReceived !== null || counted.includes(line)) throw new DomainError('CONFLICT', `line ${n + 1}: ${p.sku} is already counted in`);
      line.qtyReceived = c.received;
      line.qtyDamaged = c.damaged;
      counted.push(line);
    }
    const specs = counted
      .filter((l) => (l.qtyReceived ?? 0) > 0)
      .map((l) => ({ product: productOf(ctx, l.productId, l.sku), kind: 'TRANSFER_IN' as const, qty: l.qtyReceived!, unitPriceMinor: null, unitCostMinor: null, reason: null, note: `transfer ${doc.number}` }));
    const written = specs.length ? appendMovementsSync(ctx.raw, ctx.clock, doc.id, actor.userId, specs) : [];
    const at = written[0]?.row.occurred_at ?? new Date(ctx.clock.nowMs()).toISOString();
    const next: Transfer = {
      ...doc,
      lines,
      ...(counted.length ? { receivedAt: at, receivedBy: person(actor) } : {}),
      ...(i.close ? { closedAt: at, closedBy: person(actor) } : {}),
    };
    const out = { ...next, status: transferStatusOf(next) };
    saveTransferSync(ctx.raw, out, at, true, row);
    appendAuditSync(ctx.raw, {
      actor,
      action: 'transfer.receive',
      entity: 'transfer',
      entityId: doc.id,
      storeId: store.storeId,
      before: { status: doc.status },
      after: { number: doc.number, status: out.status, counted: counted.map((l) => [l.sku, l.qtyReceived, l.qtyDamaged]), closed: i.close },
      at: new Date(at),
    });
    return viewOf(ctx.raw, out, store.storeId);
  });
}

export function listTransfers(ctx: CoreContext, i: z.output<typeof listTransfersInput>): TransferCounterView[] {
  const store = billStoreSync(ctx.raw);
  const rows = prepared(ctx.raw, 'SELECT doc_json FROM transfers ORDER BY created_at DESC, id DESC').all() as { doc_json: string }[];
  return rows
    .map((r) => viewOf(ctx.raw, docOf(r), store.storeId))
    .filter((v) => (!i.status || v.transfer.status === i.status) && (!i.direction || v.direction === i.direction))
    .slice(0, i.limit);
}

export function showTransfer(ctx: CoreContext, ref: string): TransferCounterView {
  return viewOf(ctx.raw, findTransferSync(ctx.raw, ref).doc, billStoreSync(ctx.raw).storeId);
}
