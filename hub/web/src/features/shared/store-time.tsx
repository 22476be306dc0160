import type { QueryClient } from '@tanstack/react-query';
import type { Column } from '../../components/data-table';
import { useI18n } from '../../i18n/i18n-context';
import { csvInstant } from '../../components/csv';
import { fmtDateTime } from '../../components/format';
import type { Named } from './name-batch';
import { useName } from './lookups';

/** The store's time zone, from the batched name lookup every list already makes (GET /names). */
export function useStoreZone(storeId: string | null | undefined): string | undefined {
  return useName('store', storeId).data?.timeZone;
}

/**
 * A store's event on the store's own clock ("1 Dec, 8:36 pm" in Lahore for a Lahore sale, read
 * from Delhi); the zone is named on hover. Until the zone is known the reader's clock is used.
 */
export function StoreTime({ storeId, at }: { storeId: string | null | undefined; at: string | null | undefined }) {
  const i18n = useI18n();
  const zone = useStoreZone(storeId);
  return <span title={zone}>{fmtDateTime(at, i18n, zone)}</span>;
}

/** The zone a list's rows already looked up (for CSV, written outside React). */
export function cachedZone(qc: QueryClient, storeId: string | null | undefined): string | undefined {
  return storeId ? qc.getQueryData<Named | null>(['name', 'store', storeId])?.timeZone : undefined;
}

/** A CSV cell for a store's event: its wall time on the store's clock with the offset ("2026-12-01 20:36:00 +05:00"). */
export function storeCsvTime(qc: QueryClient, storeId: string | null | undefined, at: string | null | undefined): string {
  return at ? csvInstant(at, cachedZone(qc, storeId)) : '';
}

/**
 * A column of a store's event times: on screen in the store's zone (the one format, fmtDateTime),
 * in CSV as the store's wall time with its offset; sorted by the instant.
 */
export function storeTimeColumn<T>(
  qc: QueryClient,
  c: { id: string; header: string; at: (row: T) => string | null | undefined; store: (row: T) => string | null | undefined; minor?: boolean },
): Column<T> {
  return {
    id: c.id,
    header: c.header,
    ...(c.minor ? { minor: true } : {}),
    cell: (row) => <StoreTime storeId={c.store(row)} at={c.at(row)} />,
    sort: (row) => c.at(row) ?? null,
    csvNeeds: (row) => [['store', c.store(row)]],
    csv: (row) => storeCsvTime(qc, c.store(row), c.at(row)),
  };
}
