import type { Supplier } from '@bazaar/shared';
import { suppliersApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import type { Column } from '../../components/data-table';
import { ArchivedToggle, SearchFilter, stateColumn } from '../../components/list-page/catalog-parts';
import { ListPage } from '../../components/list-page/list-page';
import { useEditor } from '../../components/list-page/use-editor';
import { useFilteredList } from '../../components/list-page/use-list';
import { editArchiveColumn } from '../shared/edit-archive-column';
import { SupplierForm } from './supplier-form';
import { useI18n } from '../../i18n/i18n-context';

export function SuppliersPage() {
  const user = useUser();
  const { t } = useI18n();
  const canEdit = allowed(user, 'editCatalog');
  const editor = useEditor<Supplier>();
  const f = useFilteredList('suppliers', { q: '' }, suppliersApi.list, { archivable: true });

  const columns: Column<Supplier>[] = [
    { id: 'name', wrap: true, header: t('common.name'), cell: (s) => <bdi><strong>{s.name}</strong></bdi>, sort: (s) => s.name, csv: (s) => s.name },
    { id: 'phone', header: t('web.suppliers.phone'), cell: (s) => <bdi>{s.phone ?? '—'}</bdi>, csv: (s) => s.phone },
    { id: 'email', header: t('web.suppliers.email'), minor: true, cell: (s) => s.email ?? '—', csv: (s) => s.email },
    { id: 'address', wrap: true, header: t('web.suppliers.address'), minor: true, cell: (s) => s.address ?? '—', csv: (s) => s.address },
    stateColumn(t, f.archived),
  ];
  if (canEdit) columns.push(editArchiveColumn(t, editor.edit, suppliersApi, 'suppliers'));

  return (
    <ListPage
      filters={{
        label: t('web.suppliers.filters'),
        active: f.active,
        children: (
          <>
            <SearchFilter placeholder={t('web.suppliers.searchPlaceholder')} value={f.text.q} onChange={f.set('q')} />
            <ArchivedToggle checked={f.archived} onChange={f.setArchived} />
          </>
        ),
      }}
      table={{ caption: t('web.tab.suppliers'), columns, list: f.list, rowKey: (s) => s.id, csv: { filename: 'suppliers' }, testId: 'suppliers-table' }}
      create={canEdit && { label: t('web.suppliers.new'), onClick: editor.create }}
      dialog={{
        title: editor.isNew ? t('web.suppliers.new') : t('web.suppliers.edit'),
        open: editor.open,
        onClose: editor.close,
        body: <SupplierForm supplier={editor.item} onDone={editor.close} />,
      }}
    />
  );
}
