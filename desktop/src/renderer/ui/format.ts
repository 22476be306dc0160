import { formatMoney, formatQuantity, type BaseUnit } from '@bazaar/shared';

/** "₹120.00/kg" for weighed goods, "₹45.00" per piece. */
export function priceWithUnit(pricePaise: number, unit: BaseUnit): string {
  if (unit === 'pc') return formatMoney(pricePaise);
  return `${formatMoney(pricePaise)}/${unit === 'g' ? 'kg' : 'L'}`;
}

/** A signed quantity with an explicit "+" so a variance or delta reads at a glance. */
export function signedQuantity(qty: number, unit: BaseUnit): string {
  return `${qty > 0 ? '+' : ''}${formatQuantity(qty, unit)}`;
}

export function unitHint(unit: BaseUnit): string {
  if (unit === 'pc') return 'pieces';
  return unit === 'g' ? 'kg, or grams as “500g”' : 'litres, or ml as “250ml”';
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
