import { ageingBuckets, type Ageing, type LedgerEntry, type Translator } from '@bazaar/shared';
import type { Column } from '../../components/data-table';
import { methodLabel } from '../bills/bill-labels';
import { storeDay } from '../purchases/purchase-labels';

/** The periods of collection a reader picks from (days ending today, each store's own today). */
export const collectionDays = ['7', '30', '90'] as const;
export const dayCount = (v: string): number => ((collectionDays as readonly string[]).includes(v) ? Number(v) : 30);

/** Four money columns, 0–30 … over 90 days; the older two fold away on a phone. */
export function ageingColumns<T>(i18n: Translator, ageing: (row: T) => Ageing): Column<T>[] {
  return ageingBuckets.map((b) => ({
    id: b,
    header: i18n.t(`credit.ageing.${b}`),
    align: 'right' as const,
    minor: b === 'd31_60' || b === 'd61_90',
    cell: (r: T) => {
      const v = ageing(r)[b];
      return v === 0 ? <span className="muted">{i18n.money(0)}</span> : <span className={b === 'd90plus' ? 'neg' : undefined}>{i18n.money(v)}</span>;
    },
    sort: (r: T) => ageing(r)[b],
    csv: (r: T) => ageing(r)[b] / 100,
  }));
}

/** A balance in words: what is owed, or an advance the shop holds. */
export const balanceText = (i18n: Translator, minor: number): string => (minor < 0 ? i18n.t('web.receivables.advance', { amount: i18n.money(-minor) }) : i18n.money(minor));

/** What a ledger entry was, in the reader's words: the kind and its bill, method or reason. */
export function entryText(i18n: Translator, e: LedgerEntry): { what: string; sub: string[] } {
  const kind = i18n.t(`credit.kind.${e.kind}`);
  const by = e.by.name ? [i18n.t('web.statement.by', { name: e.by.name })] : [];
  switch (e.kind) {
    case 'credit_sale':
      return {
        what: `${kind} · ${i18n.t('web.statement.bill', { number: e.billNumber })}`,
        sub: [...(e.dueOn ? [i18n.t('web.statement.due', { day: storeDay(i18n, e.dueOn) })] : []), ...(e.approvedBy ? [i18n.t('web.statement.approvedBy', { name: e.approvedBy.name })] : []), ...by],
      };
    case 'payment':
      return { what: `${kind} · ${methodLabel(i18n, e.method)}`, sub: by };
    case 'adjustment':
      return { what: `${kind} · ${e.reason}`, sub: [i18n.t('web.statement.approvedBy', { name: e.approvedBy.name }), ...by] };
    default:
      return { what: kind, sub: by };
  }
}
