import { breakDownIntoPacks, parsePackQuantity, UnitError, type BaseUnit, type Pack, type Translator } from '@bazaar/shared';
import { parseTypedQuantity } from '../counter/cart';

/**
 * A quantity as a person reads it: in the product's packs where it has some ("3 cartons (72 pc)",
 * "1 carton + 4 pc (28 pc)"), else in its display unit ("2.5 kg").
 */
export function packQuantity(t: Translator, qty: number, unit: BaseUnit, packs: readonly Pick<Pack, 'name' | 'qty'>[] = []): string {
  const base = t.qty(qty, unit);
  if (packs.length === 0 || qty <= 0) return base;
  const b = breakDownIntoPacks(qty, packs);
  if (b.packs.length === 0) return base;
  const parts = b.packs.map((p) => t.t('transfers.qty.pack', { count: p.count, pack: p.name }));
  if (b.rest !== 0) parts.push(t.qty(b.rest, unit));
  return t.t('transfers.qty.packs', { packs: parts.join(' + '), qty: base });
}

/**
 * What a person typed for a line: a pack ("3 cartons") or a quantity in the display unit ("2.5"
 * of rice is 2.5 kg). Empty text is null (the line is left for later); zero is allowed when asked.
 */
export function typedLineQuantity(
  text: string,
  unit: BaseUnit,
  packs: readonly Pick<Pack, 'name' | 'qty'>[],
  t: Translator,
  opts: { allowZero?: boolean } = {},
): { qty: number } | { error: string } | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (packs.length > 0 && /\p{L}/u.test(typed)) {
    try {
      const r = parsePackQuantity(typed, unit, packs);
      if (r.pack) return { qty: r.qty };
    } catch (err) {
      if (!(err instanceof UnitError)) throw err;
      if (t.locale === 'en') return { error: err.message };
      return { error: t.t('qty.invalid', { hint: t.t(`unit.word.${unit}`) }) };
    }
  }
  const r = parseTypedQuantity(typed, unit, t);
  if ('qty' in r && r.qty === 0 && !opts.allowZero) return { error: t.t('qty.positive') };
  return r;
}

/**
 * A base quantity as a person would type it back, for a field filled in ahead: whole packs of one
 * kind as "3 cartons", else pieces, or kg / L for loose goods ("2.5").
 */
export function asTypedQuantity(qty: number, unit: BaseUnit, packs: readonly Pick<Pack, 'name' | 'qty'>[] = []): string {
  const b = breakDownIntoPacks(qty, packs);
  const only = b.packs.length === 1 && b.rest === 0 ? b.packs[0] : undefined;
  if (only && only.count > 0) return `${only.count} ${only.name}${only.count > 1 ? 's' : ''}`;
  return unit === 'pc' ? String(qty) : String(qty / 1000);
}
