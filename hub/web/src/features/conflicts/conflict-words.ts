import type { BaseUnit, Conflict, MovementKind, Translator } from '@bazaar/shared';
import { kindLabel } from '../movements/movement-kinds';

/** Looks up a store's or product's name; undefined while it is not known yet. */
export type NameOf = (kind: 'store' | 'product', id: string) => string | undefined;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** 90 000 ms → "2 minutes"; 3 days → "3 days": the largest unit that keeps the figure readable. */
function duration(i18n: Translator, ms: number): string {
  const minutes = Math.abs(ms) / 60_000;
  const [n, unit] = minutes < 90 ? [Math.max(1, Math.round(minutes)), 'minute'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
  return i18n.number(n, { style: 'unit', unit, unitDisplay: 'long' });
}

/**
 * A conflict told in words a head-office reader follows: quantities in the product's display
 * units, names instead of ids, no stored field names. `unit` is the conflict's product's.
 */
export function describeConflict(c: Conflict, i18n: Translator, unit: BaseUnit | undefined, nameOf: NameOf): string {
  const d = c.details;
  const q = (v: unknown, u: BaseUnit | undefined = unit, signed = false): string => {
    const n = num(v);
    if (n === null) return '—';
    return u ? i18n.qty(n, u, { signed }) : i18n.number(n, signed ? { signDisplay: 'exceptZero' } : {});
  };
  switch (c.kind) {
    case 'NEGATIVE_STOCK':
      return i18n.t('web.conflict.negative', { before: q(d.previousQty), after: q(d.qty) });
    case 'COUNT_VARIANCE':
      return i18n.t('web.conflict.variance', { counted: q(d.counted), variance: q(d.variance, unit, true), threshold: q(d.threshold) });
    case 'LATE_MOVEMENT_ABSORBED':
      return i18n.t('web.conflict.late', { count: num(d.movements) ?? 1, qty: q(d.absorbedQty, unit, true) });
    case 'REJECTED_MOVEMENT': {
      const kind = str(d.kind) as MovementKind;
      return i18n.t('web.conflict.rejected', { kind: kind ? kindLabel(i18n, kind) : '—', qty: q(d.qty), reason: str(d.reason) });
    }
    case 'SKU_MERGED':
      return i18n.t('web.conflict.merged', { name: str(d.offlineName), sku: str(d.sku) });
    case 'CLOCK_DRIFT':
      return i18n.t('web.conflict.clock', { amount: duration(i18n, num(d.driftMs) ?? 0), direction: str(d.direction) === 'fast' ? 'fast' : 'slow' });
    case 'UNKNOWN_USER':
      return i18n.t('web.conflict.unknownUser');
    case 'OVER_RETURN':
      return i18n.t('web.conflict.overReturn', { bill: str(d.billNumber), line: num(d.lineNo) ?? '—', sku: str(d.sku), returned: q(d.returned), sold: q(d.sold) });
    case 'TRANSFER_DISCREPANCY':
      return transferWords(c, i18n, nameOf);
  }
}

interface LineWords {
  name?: unknown;
  unit?: unknown;
  qtySent?: unknown;
  qtyReceived?: unknown;
  qtyDamaged?: unknown;
}

function transferWords(c: Conflict, i18n: Translator, nameOf: NameOf): string {
  const d = c.details;
  const lineUnit = (l: LineWords): BaseUnit | undefined => (l.unit === 'g' || l.unit === 'ml' || l.unit === 'pc' ? l.unit : undefined);
  const q = (v: unknown, u: BaseUnit | undefined): string => {
    const n = num(v);
    return n === null ? '—' : u ? i18n.qty(n, u) : i18n.number(n);
  };
  if (d.problem === 'counted_twice') {
    const counts = Array.isArray(d.counts) ? (d.counts as LineWords[]) : [];
    const u = lineUnit(d as LineWords);
    return i18n.t('web.conflict.countedTwice', { number: str(d.number), name: str(d.name), counts: counts.map((k) => q(k.qtyReceived, u)).join(' + ') });
  }
  const lines = Array.isArray(d.lines) ? (d.lines as LineWords[]) : [];
  const from = nameOf('store', str(d.fromStoreId)) ?? '…';
  const said = lines.map((l) => i18n.t('web.conflict.transferLine', { name: str(l.name), sent: q(l.qtySent, lineUnit(l)), received: q(l.qtyReceived, lineUnit(l)), damaged: q(l.qtyDamaged, lineUnit(l)) }));
  return i18n.t('web.conflict.transfer', { number: str(d.number), from, lines: said.join('; ') });
}
