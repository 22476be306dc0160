import type { Translator } from '../i18n/translator';
import type { PurchaseOrder } from './purchase-order.schema';

/**
 * A purchase order as plain text a shopkeeper pastes into WhatsApp or an SMS to the supplier:
 * names and display units, never ids; money and dates in the reader's language.
 */
export function purchaseOrderText(po: PurchaseOrder, storeName: string, t: Translator): string {
  const perUnit = (cost: number, unit: PurchaseOrder['lines'][number]['unit']) =>
    unit === 'g' ? t.t('unit.perKg', { price: t.money(cost) }) : unit === 'ml' ? t.t('unit.perL', { price: t.money(cost) }) : t.money(cost);
  const day = (d: string) => t.intl.formatDate(`${d}T12:00:00Z`, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const out = [
    t.t('po.text.title', { number: po.number }),
    t.t('po.text.parties', { store: `${storeName} (${po.storeCode})`, supplier: po.supplierName }),
    t.t('po.text.date', { date: t.intl.formatDate(po.createdAt, { day: 'numeric', month: 'short', year: 'numeric' }) }),
    ...(po.expectedDay ? [t.t('po.text.expected', { date: day(po.expectedDay) })] : []),
    '',
    ...po.lines.map((l) => t.t('po.text.line', { no: l.lineNo, name: l.name, sku: l.sku, qty: t.qty(l.orderedQty, l.unit), cost: perUnit(l.agreedCostMinor, l.unit) })),
    '',
    t.t('po.text.total', { amount: t.money(po.totalMinor) }),
    ...(po.note ? [t.t('po.text.note', { note: po.note })] : []),
  ];
  return out.join('\n');
}
