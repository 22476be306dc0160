import type { BaseUnit, Translator } from '@bazaar/shared';

/** "₹120.00/kg" for weighed goods, "₹45.00" per piece, in the reader's language. */
export function priceWithUnit(t: Translator, priceMinor: number, unit: BaseUnit): string {
  const price = t.money(priceMinor);
  if (unit === 'pc') return price;
  return t.t(unit === 'g' ? 'unit.perKg' : 'unit.perL', { price });
}

/** A signed quantity with an explicit "+" so a variance or delta reads at a glance. */
export function signedQuantity(t: Translator, qty: number, unit: BaseUnit): string {
  return t.qty(qty, unit, { signed: true });
}

export function unitHint(t: Translator, unit: BaseUnit): string {
  return t.t(`unit.word.${unit}`);
}

export function dateTime(t: Translator, iso: string): string {
  return t.dateTime(iso, { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
