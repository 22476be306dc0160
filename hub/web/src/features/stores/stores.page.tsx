import type { Store } from '@bazaar/shared';
import { storesApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import type { Column } from '../../components/data-table';
import { fmtDate } from '../../components/format';
import { ArchivedToggle, SearchFilter, stateColumn, SuggestFilter } from '../../components/list-page/catalog-parts';
import { ListPage } from '../../components/list-page/list-page';
import { useEditor } from '../../components/list-page/use-editor';
import { useFilteredList } from '../../components/list-page/use-list';
import { navigate } from '../../app/router';
import { editArchiveColumn } from '../shared/edit-archive-column';
import { StoreForm } from './store-form';
import { useI18n } from '../../i18n/i18n-context';

export function StoresPage() {
  const user = useUser();
  const i18n = useI18n();
  const { t } = i18n;
  const canEdit = allowed(user, 'editStores');
  const editor = useEditor<Store>();
  const f = useFilteredList('stores', { q: '', region: '' }, storesApi.list, { archivable: true });

  const columns: Column<Store>[] = [
    { id: 'code', header: t('common.code'), cell: (s) => <bdi className="mono">{s.code}</bdi>, sort: (s) => s.code, csv: (s) => s.code },
    { id: 'name', wrap: true, header: t('common.name'), cell: (s) => <bdi><strong>{s.name}</strong></bdi>, sort: (s) => s.name, csv: (s) => s.name },
    { id: 'region', header: t('web.stock.region'), cell: (s) => s.region ?? '—', sort: (s) => s.region, csv: (s) => s.region },
    { id: 'location', wrap: true, header: t('web.stores.location'), minor: true, cell: (s) => s.location ?? '—', csv: (s) => s.location },
    { id: 'variance', header: t('web.stores.variance'), align: 'right', minor: true, cell: (s) => t('web.stores.varianceRule', { pieces: s.varianceThreshold, percent: s.varianceLoosePercent }), csv: (s) => t('web.stores.varianceRule', { pieces: s.varianceThreshold, percent: s.varianceLoosePercent }) },
    { id: 'timeZone', header: t('web.stores.timeZone'), minor: true, cell: (s) => <bdi className="mono">{s.timeZone}</bdi>, sort: (s) => s.timeZone, csv: (s) => s.timeZone },
    { id: 'created', header: t('web.stores.since'), minor: true, cell: (s) => fmtDate(s.createdAt, i18n), sort: (s) => s.createdAt, csv: (s) => s.createdAt },
    stateColumn(t, f.archived),
  ];
  if (canEdit)
    columns.push(
      editArchiveColumn(t, editor.edit, storesApi, 'stores', async (s) => {
        const p = await storesApi.archivePreview(s.id);
        return t('web.archive.storeConfirm', { name: s.name, devices: p.activeDevices.length, deviceNames: p.activeDevices.map((d) => d.name).join(', '), conflicts: p.openConflicts });
      }),
    );

  return (
    <ListPage
      filters={{
        label: t('web.stores.filters'),
        active: f.active,
        children: (
          <>
            <SearchFilter placeholder={t('web.stores.searchPlaceholder')} value={f.text.q} onChange={f.set('q')} />
            <SuggestFilter label={t('web.stock.region')} kind="region" placeholder={t('web.stock.anyRegion')} value={f.text.region} onChange={f.set('region')} />
            <ArchivedToggle checked={f.archived} onChange={f.setArchived} />
          </>
        ),
      }}
      table={{
        caption: user.role === 'admin' ? t('web.stock.allStores') : t('web.overview.yourStores'),
        columns,
        list: f.list,
        rowKey: (s) => s.id,
        onRowClick: () => navigate('/stock'),
        csv: { filename: 'stores' },
        testId: 'stores-table',
      }}
      create={canEdit && { label: t('web.stores.new'), onClick: editor.create }}
      dialog={{
        title: editor.isNew ? t('web.stores.new') : t('web.stores.edit'),
        open: editor.open,
        onClose: editor.close,
        body: <StoreForm store={editor.item} onDone={editor.close} />,
      }}
    />
  );
}
