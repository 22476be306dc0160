import type { StoreRanking, Translator } from '@bazaar/shared';
import type { Column } from '../../components/data-table';

/** The ranking's columns; the order is the hub's (sorting happens there), so none sorts locally. */
export function rankingColumns(i18n: Translator): Column<StoreRanking>[] {
  const { t } = i18n;
  const money = (p: number) => i18n.money(p);
  return [
    { id: 'rank', header: '#', align: 'right', cell: (r) => i18n.number(r.rank), csv: (r) => r.rank },
    {
      id: 'store',
      header: t('common.store'),
      wrap: true,
      cell: (r) => (
        <span>
          {r.storeName} <small className="muted sku">{r.storeCode}</small>
        </span>
      ),
      csv: (r) => r.storeName,
    },
    { id: 'code', header: t('web.rank.code'), hidden: true, cell: (r) => r.storeCode, csv: (r) => r.storeCode },
    { id: 'region', header: t('web.stock.region'), minor: true, cell: (r) => r.region ?? '—', csv: (r) => r.region },
    { id: 'sales', header: t('web.rank.sales'), align: 'right', cell: (r) => money(r.salesMinor), csv: (r) => r.salesMinor / 100 },
    { id: 'margin', header: t('web.rank.margin'), align: 'right', cell: (r) => money(r.marginMinor), csv: (r) => r.marginMinor / 100 },
    { id: 'marginPct', header: t('web.rank.marginPct'), align: 'right', minor: true, cell: (r) => (r.marginPct === null ? '—' : `${i18n.number(r.marginPct)}%`), csv: (r) => r.marginPct },
    { id: 'stockValue', header: t('web.rank.stockValue'), align: 'right', cell: (r) => money(r.stockValueMinor), csv: (r) => r.stockValueMinor / 100 },
    { id: 'lowOut', header: t('web.rank.lowOut'), align: 'right', cell: (r) => `${i18n.number(r.low)} / ${i18n.number(r.out)}`, csv: (r) => `${r.low}/${r.out}` },
    { id: 'shrinkage', header: t('web.rank.shrinkage'), align: 'right', minor: true, cell: (r) => money(r.shrinkageMinor), csv: (r) => r.shrinkageMinor / 100 },
    { id: 'countVariance', header: t('web.rank.countVariance'), align: 'right', minor: true, cell: (r) => money(r.countVarianceMinor), csv: (r) => r.countVarianceMinor / 100 },
    {
      id: 'lastSync',
      header: t('web.rank.lastSync'),
      align: 'right',
      cell: (r) => (r.daysSinceSync === null ? t('web.rank.neverSynced') : t('web.rank.daysAgo', { count: r.daysSinceSync })),
      csv: (r) => r.lastSyncAt,
    },
  ];
}
