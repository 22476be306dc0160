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
import { deviceState, lastSeen } from './device.state';
import { useI18n } from '../../i18n/i18n-context';
import { cachedZone, storeCsvTime, storeTimeColumn } from '../shared/store-time';

const stateTone = { revoked: 'neutral', inSync: 'good', idle: 'warn', offline: 'bad', awaiting: 'warn' } as const;

function RevokeButton({ device }: { device: Device }) {
  const { t } = useI18n();
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
        if (window.confirm(t('web.devices.revokeConfirm', { name: device.name }))) m.mutate();
      }}
    >
      {t('web.devices.revoke')}
    </button>
  );
}

export function DevicesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const [store, setStore] = useState<PickOption | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const query = { storeId: store?.id };
  const activeFilters = countActive(query);
  const list = usePagedList(['devices', 'list', query], (cursor, limit = 50) => devicesApi.list({ ...query, cursor, limit }));

  const stateWords = (d: Device) => {
    const state = deviceState(d);
    // A counter that stopped syncing says since when, in local time (never "syncing" hours later).
    if (state === 'idle' || state === 'offline') return t(`web.devices.state.${state}`, { time: fmtDateTime(lastSeen(d) ?? d.createdAt, i18n, cachedZone(qc, d.storeId)) });
    return t(`web.devices.state.${state}`);
  };
  const columns: Column<Device>[] = [
    { id: 'name', header: t('web.devices.counter'), cell: (d) => <strong>{d.name}</strong>, sort: (d) => d.name, csv: (d) => d.name },
    { id: 'store', header: t('web.devices.store'), cell: (d) => <StoreName id={d.storeId} />, csv: (d) => cachedName(qc, 'store', d.storeId) },
    {
      id: 'seen',
      header: t('web.devices.lastSeen'),
      cell: (d) => <span title={fmtDateTime(lastSeen(d), i18n, cachedZone(qc, d.storeId))}>{fmtAgo(lastSeen(d), Date.now(), i18n)}</span>,
      sort: (d) => lastSeen(d),
      csvNeeds: (d) => [['store', d.storeId]],
      csv: (d) => storeCsvTime(qc, d.storeId, lastSeen(d)),
    },
    { id: 'seq', header: t('web.devices.syncedUpTo'), align: 'right', minor: true, cell: (d) => `#${d.lastSeq}`, sort: (d) => d.lastSeq, csv: (d) => d.lastSeq },
    { id: 'conflicts', header: t('web.devices.openConflicts'), align: 'right', cell: (d) => (d.openConflicts ? <Tag tone="warn">{String(d.openConflicts)}</Tag> : '0'), sort: (d) => d.openConflicts, csv: (d) => d.openConflicts },
    {
      id: 'state',
      header: t('web.devices.state'),
      cell: (d) => (
        <span data-testid="device-state" data-state={deviceState(d)}>
          <Tag tone={stateTone[deviceState(d)]}>{stateWords(d)}</Tag>
        </span>
      ),
      csv: stateWords,
    },
    storeTimeColumn<Device>(qc, { id: 'enrolled', header: t('web.devices.enrolled'), minor: true, at: (d) => d.createdAt, store: (d) => d.storeId }),
    { id: 'act', header: '', cell: (d) => (d.revokedAt ? null : <RevokeButton device={d} />) },
  ];

  return (
    <ListPage
      filters={{
        label: t('web.devices.filters'),
        active: activeFilters,
        children: <Field label={t('web.devices.store')}>{(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel={t('web.devices.allStores')} />}</Field>,
      }}
      table={{ caption: t('web.devices.caption'), columns, list, rowKey: (d) => d.id, csv: { filename: 'devices' }, empty: t('web.devices.empty'), testId: 'devices-table' }}
      create={{ label: t('web.enroll.submit'), onClick: () => setEnrolling(true) }}
      dialog={{ title: t('web.enroll.title'), open: enrolling, onClose: () => setEnrolling(false), body: <EnrollForm onDone={() => setEnrolling(false)} /> }}
    />
  );
}
