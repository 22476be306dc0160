import { useI18n } from '../../i18n/i18n-context';
import { useState } from 'react';
import type { Supplier } from '@bazaar/shared';
import { suppliersApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { usePagedList } from '../../components/use-paged-list';
import { useDebounced } from '../../components/use-debounced';
import { ArchiveButton } from '../shared/archive-button';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { SupplierForm } from './supplier-form';

export function SuppliersPage() {
  const user = useUser();
  const { t } = useI18n();
  const canEdit = allowed(user, 'editCatalog');
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const query = { q: useDebounced(q.trim()), archived: archived ? undefined : 'false' };
  const activeFilters = countActive(query);
  const list = usePagedList(['suppliers', 'list', query], (cursor, limit = 50) => suppliersApi.list({ ...query, cursor, limit }));

  const columns: Column<Supplier>[] = [
    { id: 'name', wrap: true, header: t('common.name'), cell: (s) => <bdi><strong>{s.name}</strong></bdi>, sort: (s) => s.name, csv: (s) => s.name },
    { id: 'phone', header: t('web.suppliers.phone'), cell: (s) => <bdi>{s.phone ?? '—'}</bdi>, csv: (s) => s.phone },
    { id: 'email', header: t('web.suppliers.email'), minor: true, cell: (s) => s.email ?? '—', csv: (s) => s.email },
    { id: 'address', wrap: true, header: t('web.suppliers.address'), minor: true, cell: (s) => s.address ?? '—', csv: (s) => s.address },
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
          <button type="button" className="btn btn-sm" onClick={() => setEditing(s)}>
            {t('web.products.edit')}
          </button>
          <ArchiveButton archived={s.archived} name={s.name} archive={() => suppliersApi.archive(s.id)} restore={() => suppliersApi.update(s.id, { archived: false })} invalidate="suppliers" />
        </span>
      ),
    });

  return (
    <div className="page">
      <FilterPanel label={t('web.suppliers.filters')} active={activeFilters}>
        <Field label={t('common.search')}>{(id) => <input id={id} type="search" placeholder={t('web.suppliers.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> {t('web.products.showArchived')}
        </label>
      </FilterPanel>
      <DataTable
        caption={t('web.tab.suppliers')}
        columns={columns}
        list={list}
        rowKey={(s) => s.id}
        csv={{ filename: 'suppliers' }}
        toolbar={
          canEdit && (
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              {t('web.suppliers.new')}
            </button>
          )
        }
        testId="suppliers-table"
      />
      <Dialog title={editing === 'new' ? t('web.suppliers.new') : t('web.suppliers.edit')} open={!!editing} onClose={() => setEditing(null)} wide>
        {editing && <SupplierForm supplier={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </div>
  );
}
