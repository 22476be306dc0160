import { useState } from 'react';
import type { Store } from '@bazaar/shared';
import { storesApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { fmtDate } from '../../components/format';
import { usePagedList } from '../../components/use-paged-list';
import { useDebounced } from '../../components/use-debounced';
import { navigate } from '../../app/router';
import { ArchiveButton } from '../shared/archive-button';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { StoreForm } from './store-form';
import { useI18n } from '../../i18n/i18n-context';

export function StoresPage() {
  const user = useUser();
  const i18n = useI18n();
  const { t } = i18n;
  const canEdit = allowed(user, 'editStores');
  const [q, setQ] = useState('');
  const [region, setRegion] = useState('');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Store | 'new' | null>(null);
  const query = { q: useDebounced(q.trim()), region: useDebounced(region.trim()), archived: archived ? undefined : 'false' };
  const activeFilters = countActive(query);
  const list = usePagedList(['stores', 'list', query], (cursor, limit = 50) => storesApi.list({ ...query, cursor, limit }));

  const columns: Column<Store>[] = [
    { id: 'code', header: t('common.code'), cell: (s) => <bdi className="mono">{s.code}</bdi>, sort: (s) => s.code, csv: (s) => s.code },
    { id: 'name', wrap: true, header: t('common.name'), cell: (s) => <bdi><strong>{s.name}</strong></bdi>, sort: (s) => s.name, csv: (s) => s.name },
    { id: 'region', header: t('web.stock.region'), cell: (s) => s.region ?? '—', sort: (s) => s.region, csv: (s) => s.region },
    { id: 'location', wrap: true, header: t('web.stores.location'), minor: true, cell: (s) => s.location ?? '—', csv: (s) => s.location },
    { id: 'variance', header: t('web.stores.variance'), align: 'right', minor: true, cell: (s) => s.varianceThreshold, csv: (s) => s.varianceThreshold },
    { id: 'created', header: t('web.stores.since'), minor: true, cell: (s) => fmtDate(s.createdAt, i18n), sort: (s) => s.createdAt, csv: (s) => s.createdAt },
    {
      id: 'state',
      header: t('web.products.state'),
      hidden: !archived,
      cell: (s) => (s.archived ? <Tag tone="neutral">{t('web.products.archived')}</Tag> : <Tag tone="good">{t('web.products.active')}</Tag>),
      // i18n-ignore: CSV keeps the raw state
      csv: (s) => (s.archived ? 'archived' : 'active'),
    },
  ];
  if (canEdit)
    columns.push({
      id: 'act',
      header: '',
      cell: (s) => (
        <span className="row-actions">
          <button type="button" className="btn btn-sm" onClick={(e) => { e.stopPropagation(); setEditing(s); }}>
            {t('web.products.edit')}
          </button>
          <ArchiveButton
            archived={s.archived}
            name={s.name}
            archive={() => storesApi.archive(s.id)}
            restore={() => storesApi.update(s.id, { archived: false })}
            invalidate="stores"
            confirmText={async () => {
              const p = await storesApi.archivePreview(s.id);
              return t('web.archive.storeConfirm', { name: s.name, devices: p.activeDevices.length, deviceNames: p.activeDevices.map((d) => d.name).join(', '), conflicts: p.openConflicts });
            }}
          />
        </span>
      ),
    });

  return (
    <div className="page">
      <FilterPanel label={t('web.stores.filters')} active={activeFilters}>
        <Field label={t('common.search')}>{(id) => <input id={id} type="search" placeholder={t('web.stores.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <Field label={t('web.stock.region')}>{(id) => <input id={id} placeholder={t('web.stock.anyRegion')} value={region} onChange={(e) => setRegion(e.target.value)} />}</Field>
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> {t('web.products.showArchived')}
        </label>
      </FilterPanel>
      <DataTable
        caption={user.role === 'admin' ? t('web.stock.allStores') : t('web.overview.yourStores')}
        columns={columns}
        list={list}
        rowKey={(s) => s.id}
        onRowClick={() => navigate('/stock')}
        csv={{ filename: 'stores' }}
        toolbar={
          canEdit && (
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              {t('web.stores.new')}
            </button>
          )
        }
        testId="stores-table"
      />
      <Dialog title={editing === 'new' ? t('web.stores.new') : t('web.stores.edit')} open={!!editing} onClose={() => setEditing(null)} wide>
        {editing && <StoreForm store={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </div>
  );
}
