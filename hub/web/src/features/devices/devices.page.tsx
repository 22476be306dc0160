import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Device } from '@bazaar/shared';
import { devicesApi } from '../../api/endpoints';
import { errorMessage } from '../../api/api-error';
import type { Column } from '../../components/data-table';
import { ListPage } from '../../components/list-page/list-page';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { fmtAgo, fmtDateTime } from '../../components/format';
import { usePagedList } from '../../components/use-paged-list';
import { cachedName, searchStores, StoreName } from '../shared/lookups';
import { countActive } from '../../components/filter-panel';
import { EnrollForm } from './enroll-form';
import { useI18n } from '../../i18n/i18n-context';

const DAY = 24 * 3600_000;

export function lastSeen(d: Device): string | null {
  const times = [d.lastPushAt, d.lastPullAt].filter((t): t is string => !!t);
  return times.sort().at(-1) ?? null;
}
/** No sync for over a day; a counter enrolled today that has not synced yet is not "offline". */
export function isOffline(d: Device, now = Date.now()): boolean {
  const since = lastSeen(d) ?? d.createdAt;
  return !d.revokedAt && now - Date.parse(since) > DAY;
}

function RevokeButton({ device }: { device: Device }) {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => devicesApi.revoke(device.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['devices'] }),
    onError: (err) => window.alert(errorMessage(err)),
  });
  return (
    <button
      type="button"
      className="btn btn-sm btn-danger-ghost"
      disabled={m.isPending}
      onClick={() => {
        if (window.confirm(`Revoke ${device.name}? It can no longer sync until enrolled again; its unsynced sales stay on the counter.`)) m.mutate();
      }}
    >
      Revoke
    </button>
  );
}

export function DevicesPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [store, setStore] = useState<PickOption | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const query = { storeId: store?.id };
  const activeFilters = countActive(query);
  const list = usePagedList(['devices', 'list', query], (cursor, limit = 50) => devicesApi.list({ ...query, cursor, limit }));

  const columns: Column<Device>[] = [
    { id: 'name', header: 'Counter', cell: (d) => <strong>{d.name}</strong>, sort: (d) => d.name, csv: (d) => d.name },
    { id: 'store', header: 'Store', cell: (d) => <StoreName id={d.storeId} />, csv: (d) => cachedName(qc, 'store', d.storeId) },
    {
      id: 'seen',
      header: 'Last seen',
      cell: (d) => <span title={fmtDateTime(lastSeen(d))}>{fmtAgo(lastSeen(d))}</span>,
      sort: (d) => lastSeen(d),
      csv: (d) => lastSeen(d),
    },
    { id: 'seq', header: 'Synced up to', align: 'right', minor: true, cell: (d) => `#${d.lastSeq}`, sort: (d) => d.lastSeq, csv: (d) => d.lastSeq },
    { id: 'conflicts', header: 'Open conflicts', align: 'right', cell: (d) => (d.openConflicts ? <Tag tone="warn">{String(d.openConflicts)}</Tag> : '0'), sort: (d) => d.openConflicts, csv: (d) => d.openConflicts },
    {
      id: 'state',
      header: 'State',
      cell: (d) =>
        d.revokedAt ? (
          <Tag tone="neutral">revoked</Tag>
        ) : isOffline(d) ? (
          <Tag tone="bad">offline &gt; 1 day</Tag>
        ) : lastSeen(d) ? (
          <Tag tone="good">syncing</Tag>
        ) : (
          <Tag tone="warn">awaiting first sync</Tag>
        ),
      csv: (d) => (d.revokedAt ? 'revoked' : isOffline(d) ? 'offline' : lastSeen(d) ? 'syncing' : 'awaiting first sync'),
    },
    { id: 'enrolled', header: 'Enrolled', minor: true, cell: (d) => fmtDateTime(d.createdAt), csv: (d) => d.createdAt },
    { id: 'act', header: '', cell: (d) => (d.revokedAt ? null : <RevokeButton device={d} />) },
  ];

  return (
    <ListPage
      filters={{
        label: t('web.devices.filters'),
        active: activeFilters,
        children: <Field label="Store">{(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel="All stores" />}</Field>,
      }}
      table={{ caption: 'Counter devices', columns, list, rowKey: (d) => d.id, csv: { filename: 'devices' }, empty: 'No counters enrolled yet.', testId: 'devices-table' }}
      create={{ label: t('web.enroll.submit'), onClick: () => setEnrolling(true) }}
      dialog={{ title: t('web.enroll.title'), open: enrolling, onClose: () => setEnrolling(false), body: <EnrollForm onDone={() => setEnrolling(false)} /> }}
    />
  );
}
