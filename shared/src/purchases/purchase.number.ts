/**
 * Numbers people read on purchase documents, made like bill numbers (bill.number.ts): the store
 * code, the counter that made it (`HO` for head office) and that counter's own gap-free running
 * number for the kind, so offline counters never collide and nobody asks another for a number.
 * `LHR-01-C2-PO00012` is a purchase order, `LHR-01-C2-GR00007` a goods receipt.
 */
export const purchaseDocKinds = { order: 'PO', receipt: 'GR' } as const;
export type PurchaseDocKind = keyof typeof purchaseDocKinds;

/** The counter code head office numbers its documents under (never a counter's: those start with C or a manager's choice). */
export const HEAD_OFFICE_COUNTER_CODE = 'HO';

export function formatPurchaseNumber(kind: PurchaseDocKind, storeCode: string, counterCode: string, no: number): string {
  return `${storeCode}-${counterCode}-${purchaseDocKinds[kind]}${String(no).padStart(5, '0')}`;
}
