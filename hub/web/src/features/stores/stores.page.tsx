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

export function StoresPage() {
  const user = useUser();
  const canEdit = allowed(user, 'editStores');
  const [q, setQ] = useState('');
  const [region, setRegion] = useState('');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Store | 'new' | null>(null);
  const query = { q: useDebounced(q.trim()), region: useDebounced(region.trim()), archived: archived ? undefined : 'false' };
  const activeFilters = countActive(query);
  const list = usePagedList(['stores', 'list', query], (cursor, limit = 50) => storesApi.list({ ...query, cursor, limit }));

  const columns: Column<Store>[] = [
    { id: 'code', header: 'Code', cell: (s) => <span className="mono">{s.code}</span>, sort: (s) => s.code, csv: (s) => s.code },
    { id: 'name', wrap: true, header: 'Name', cell: (s) => <strong>{s.name}</strong>, sort: (s) => s.name, csv: (s) => s.name },
    { id: 'region', header: 'Region', cell: (s) => s.region ?? '—', sort: (s) => s.region, csv: (s) => s.region },
    { id: 'location', wrap: true, header: 'Location', minor: true, cell: (s) => s.location ?? '—', csv: (s) => s.location },
    { id: 'variance', header: 'Variance threshold', align: 'right', minor: true, cell: (s) => s.varianceThreshold, csv: (s) => s.varianceThreshold },
    { id: 'created', header: 'Since', minor: true, cell: (s) => fmtDate(s.createdAt), sort: (s) => s.createdAt, csv: (s) => s.createdAt },
    { id: 'state', header: 'State', hidden: !archived, cell: (s) => (s.archived ? <Tag tone="neutral">archived</Tag> : <Tag tone="good">active</Tag>), csv: (s) => (s.archived ? 'archived' : 'active') },
  ];
  if (canEdit)
    columns.push({
      id: 'act',
      header: '',
      cell: (s) => (
        <span className="row-actions">
          <button type="button" className="btn btn-sm" onClick={(e) => { e.stopPropagation(); setEditing(s); }}>
            Edit
          </button>
          <ArchiveButton archived={s.archived} name={s.name} archive={() => storesApi.archive(s.id)} restore={() => storesApi.update(s.id, { archived: false })} invalidate="stores" />
        </span>
      ),
    });

  return (
    <div className="page">
      <FilterPanel label="Store filters" active={activeFilters}>
        <Field label="Search">{(id) => <input id={id} type="search" placeholder="Name or code" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <Field label="Region">{(id) => <input id={id} placeholder="Any region" value={region} onChange={(e) => setRegion(e.target.value)} />}</Field>
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Show archived
        </label>
      </FilterPanel>
      <DataTable
        caption={user.role === 'admin' ? 'All stores' : 'Your stores'}
        columns={columns}
        list={list}
        rowKey={(s) => s.id}
        onRowClick={() => navigate('/stock')}
        csv={{ filename: 'stores' }}
        toolbar={
          canEdit && (
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              New store
            </button>
          )
        }
        testId="stores-table"
      />
      <Dialog title={editing === 'new' ? 'New store' : 'Edit store'} open={!!editing} onClose={() => setEditing(null)} wide>
        {editing && <StoreForm store={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </div>
  );
}
