/**
 * Whether a receipt's text can go to a thermal printer as text: Latin, Latin-1 and the dashes,
 * rupee and box signs its code pages know. Urdu (Arabic script), Hindi (Devanagari) and other
 * scripts cannot be shaped from code pages (esc_pos_utils #137): those receipts go as an image.
 */
export function printableAsText(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (!(c <= 0x024f || (c >= 0x2013 && c <= 0x2022) || c === 0x20b9 || (c >= 0x2500 && c <= 0x257f))) return false;
  }
  return true;
}
