import { transferStatusOf, type Transfer, type TransferLine, type TransferPerson } from '@bazaar/shared';

/** The receiving side as stored (transfer_arrivals), in the shape assemble needs. */
export interface ArrivalSide {
  received_at: Date | string | null;
  received_by: unknown;
  closed_at: Date | string | null;
  closed_by: unknown;
}

/** One count of a line (transfer_receipt_lines). */
export interface CountedLine {
  product_id: string;
  sku: string;
  name: string;
  unit: 'pc' | 'g' | 'ml';
  qty_received: number | string;
  qty_damaged: number | string;
  device_id: string;
  received_at: Date | string;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/**
 * The whole transfer from its two stored sides: the sender's document, and what the receiving
 * store counted (the first count of a line; a second, from another counter, was flagged) and
 * whether it closed it. The status is derived from both (transfer.flow.ts).
 */
export function assembleTransfer(sender: Transfer, arrival: ArrivalSide | null | undefined, counts: readonly CountedLine[]): Transfer {
  const first = new Map<string, CountedLine>();
  for (const c of [...counts].sort((a, b) => iso(a.received_at)!.localeCompare(iso(b.received_at)!) || a.device_id.localeCompare(b.device_id))) {
    if (!first.has(c.product_id)) first.set(c.product_id, c);
  }
  const lines: TransferLine[] = sender.lines.map((l) => {
    const c = first.get(l.productId);
    return { ...l, qtyReceived: c ? Number(c.qty_received) : null, qtyDamaged: c ? Number(c.qty_damaged) : 0 };
  });
  // Counted in against a line the sender's copy does not have: kept, as sent nothing.
  for (const c of first.values()) {
    if (lines.some((l) => l.productId === c.product_id)) continue;
    lines.push({ lineNo: lines.length + 1, productId: c.product_id, sku: c.sku, name: c.name, unit: c.unit, qtySent: 0, qtyReceived: Number(c.qty_received), qtyDamaged: Number(c.qty_damaged) });
  }
  const doc: Transfer = {
    ...sender,
    lines,
    receivedAt: arrival ? iso(arrival.received_at) : null,
    receivedBy: (arrival?.received_by as TransferPerson | null | undefined) ?? null,
    closedAt: arrival ? iso(arrival.closed_at) : null,
    closedBy: (arrival?.closed_by as TransferPerson | null | undefined) ?? null,
  };
  return { ...doc, status: transferStatusOf(doc) };
}
