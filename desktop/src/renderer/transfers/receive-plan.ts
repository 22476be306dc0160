import { hasDiscrepancy, lineDiscrepancy, type LineDiscrepancy, type Pack, type Transfer, type TransferLine, type Translator } from '@bazaar/shared';
import { typedLineQuantity } from '../ui/pack-quantity';

/** What the receiving person typed for one line: good units and damaged ones (text, as typed). */
export interface ReceiveEntry {
  good: string;
  damaged: string;
}

export interface ReceivePlan {
  /** The lines to count in now, as receiveTransfer takes them. */
  lines: { product: string; received: number; damaged: number }[];
  /** Typing problems by product id. */
  errors: Record<string, string>;
  /** Every line that will differ from what was sent once this count is saved (closing makes the rest short). */
  differences: { line: TransferLine; difference: LineDiscrepancy }[];
}

/**
 * The count-in a person is about to confirm, line by line: a line with nothing typed is left for
 * later (or short, when nothing more will come); a line with only damaged units typed had no good
 * ones. The differences are the shared rule's (lineDiscrepancy), so the screen says what the
 * managers will be shown.
 */
export function receivePlan(
  transfer: Transfer,
  entries: Readonly<Record<string, ReceiveEntry>>,
  packsOf: (productId: string) => readonly Pick<Pack, 'name' | 'qty'>[],
  close: boolean,
  t: Translator,
): ReceivePlan {
  const plan: ReceivePlan = { lines: [], errors: {}, differences: [] };
  const settled = { dispatchedAt: transfer.dispatchedAt, closedAt: close ? (transfer.closedAt ?? 'now') : transfer.closedAt };
  for (const line of transfer.lines) {
    if (line.qtyReceived !== null) continue;
    const e = entries[line.productId] ?? { good: '', damaged: '' };
    const packs = packsOf(line.productId);
    const good = typedLineQuantity(e.good, line.unit, packs, t, { allowZero: true });
    const damaged = typedLineQuantity(e.damaged, line.unit, packs, t, { allowZero: true });
    const problem = (good && 'error' in good ? good.error : null) ?? (damaged && 'error' in damaged ? damaged.error : null);
    if (problem) {
      plan.errors[line.productId] = problem;
      continue;
    }
    if (good === null && damaged === null) {
      if (close) plan.differences.push({ line, difference: lineDiscrepancy(settled, line) });
      continue;
    }
    const received = good && 'qty' in good ? good.qty : 0;
    const broken = damaged && 'qty' in damaged ? damaged.qty : 0;
    plan.lines.push({ product: line.productId, received, damaged: broken });
    const difference = lineDiscrepancy(settled, { qtySent: line.qtySent, qtyReceived: received, qtyDamaged: broken });
    if (hasDiscrepancy(difference)) plan.differences.push({ line, difference });
  }
  return plan;
}
