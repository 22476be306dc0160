/**
 * Transfer numbers people read: `<STORE>-<COUNTER>-T<running number, 6 digits>`, e.g.
 * LHR-01-C2-T000012, from the sending store's code, the counter that made it (HO for head
 * office) and that counter's own gap-free running number, like bill numbers (bill.number.ts):
 * offline counters never collide, and the T keeps a transfer apart from a bill.
 */
export function formatTransferNumber(storeCode: string, counterCode: string, no: number): string {
  return `${storeCode}-${counterCode}-T${String(no).padStart(6, '0')}`;
}

/** The counter code of transfers made at head office. */
export const HUB_TRANSFER_COUNTER = 'HO';
