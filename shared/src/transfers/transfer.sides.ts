import { transferStatusOf } from './transfer.flow';
import type { Transfer, TransferLine } from './transfer.schema';

/**
 * Two copies of one transfer, merged: the hub's and a counter's, or what two pushes brought.
 * Each side is owned by one store, and within a side the first final word stands:
 *  - the sender's side (header, lines, quantities sent) from the copy furthest along
 *    (draft < dispatched | cancelled; dispatched and cancelled are final, the earlier copy kept);
 *  - the receiver's side line by line: a line counted in stays counted (two counts of it, from two
 *    offline counters, are flagged by the hub, never added up), the close as first closed.
 * The merge is commutative, associative and idempotent on what it keeps (transfer.flow.test.ts),
 * so the result does not depend on arrival order or duplicates.
 */
export function mergeTransfer(a: Transfer, b: Transfer): Transfer {
  const sender = senderRank(b) > senderRank(a) || (senderRank(b) === senderRank(a) && tieBreak(b) < tieBreak(a)) ? b : a;
  const other = sender === a ? b : a;
  const received = new Map<string, TransferLine>();
  for (const l of [...a.lines, ...b.lines]) {
    const prev = received.get(l.productId);
    if (l.qtyReceived === null) continue;
    if (!prev || countKey(l) < countKey(prev)) received.set(l.productId, l);
  }
  const lines: TransferLine[] = sender.lines.map((l) => {
    const r = received.get(l.productId);
    return { ...l, qtyReceived: r?.qtyReceived ?? null, qtyDamaged: r?.qtyDamaged ?? 0 };
  });
  // Counted in against a line the sender's copy does not have: kept, as sent nothing.
  for (const l of other.lines) {
    const r = received.get(l.productId);
    if (r && !lines.some((x) => x.productId === l.productId)) lines.push({ ...l, lineNo: lines.length + 1, qtySent: 0, qtyReceived: r.qtyReceived, qtyDamaged: r.qtyDamaged });
  }
  const closed = firstOf(a.closedAt, b.closedAt);
  const receivedAt = lastOf(a.receivedAt, b.receivedAt);
  const merged: Transfer = {
    ...sender,
    lines,
    receivedAt,
    receivedBy: receivedAt === null ? null : receivedAt === a.receivedAt ? a.receivedBy : b.receivedBy,
    closedAt: closed,
    closedBy: closed === null ? null : closed === a.closedAt ? a.closedBy : b.closedBy,
  };
  return { ...merged, status: transferStatusOf(merged) };
}

function senderRank(t: Transfer): number {
  return t.dispatchedAt !== null || t.cancelledAt !== null ? 1 : 0;
}

/** Between two final sender copies (should not differ), the earlier one; between drafts, the later. */
function tieBreak(t: Transfer): string {
  const at = t.dispatchedAt ?? t.cancelledAt;
  return at ?? invert(t.createdAt);
}

function invert(s: string): string {
  return [...s].map((c) => String.fromCharCode(0xffff - c.charCodeAt(0))).join('');
}

/** Between two counts of one line (two offline counters), one stable pick whatever the arrival order; the hub flags the pair. */
function countKey(l: TransferLine): string {
  return `${String(l.qtyReceived).padStart(12, '0')}/${String(l.qtyDamaged).padStart(12, '0')}`;
}

function firstOf(x: string | null, y: string | null): string | null {
  if (x === null) return y;
  if (y === null) return x;
  return x <= y ? x : y;
}

function lastOf(x: string | null, y: string | null): string | null {
  if (x === null) return y;
  if (y === null) return x;
  return x >= y ? x : y;
}

/** The sending store's side as its own store would push it (the receiver's fields cleared). */
export function senderSide(t: Transfer): Transfer {
  const s: Transfer = { ...t, lines: t.lines.map((l) => ({ ...l, qtyReceived: null, qtyDamaged: 0 })), receivedAt: null, receivedBy: null, closedAt: null, closedBy: null };
  return { ...s, status: transferStatusOf(s) };
}
