/**
 * Bill numbers people read: `<STORE>-<COUNTER>-<running number, 6 digits>`, e.g. LHR-01-C2-000123.
 * The store code is the store's own; the counter code is this counter's (unique in its store);
 * the running number is the counter's own, gap-free, taken inside the transaction that records
 * the bill. No counter ever asks another for a number, so offline counters never collide.
 * Past 999999 the number simply grows a digit.
 */
export function formatBillNumber(storeCode: string, counterCode: string, no: number): string {
  return `${storeCode}-${counterCode}-${String(no).padStart(6, '0')}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The counter code a device has until a manager names it (`C2`): `C` and four Crockford
 * base-32 characters from the random tail of the device's HLC node id (20 random bits). The
 * hub keeps node ids unique, so two counters of a store share a default code with a chance of
 * about one in a million per pair, and a human can still read it out over the phone.
 */
export function defaultCounterCode(hlcNode: string): string {
  const bits = Number.parseInt(hlcNode.slice(-5), 16);
  if (!Number.isFinite(bits)) return 'C0000';
  let out = '';
  for (let i = 3; i >= 0; i--) out += CROCKFORD[(bits >> (i * 5)) & 31];
  return `C${out}`;
}

/** A counter code a manager may choose: short, upper-case letters and digits, starting with a letter. */
export const COUNTER_CODE_RE = /^[A-Z][A-Z0-9]{0,7}$/;

/** A typed or scanned bill number, tidied: upper case, no spaces. */
export function normaliseBillNumber(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, '');
}
