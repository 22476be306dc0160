import { roles, type User } from '@bazaar/shared';
import { usersApi } from '../../api/endpoints';
import type { Column } from '../../components/data-table';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { fmtDate } from '../../components/format';
import { actionsColumn, SearchFilter } from '../../components/list-page/catalog-parts';
import { ListPage } from '../../components/list-page/list-page';
import { useEditor } from '../../components/list-page/use-editor';
import { useFilteredList } from '../../components/list-page/use-list';
import { useI18n } from '../../i18n/i18n-context';
import { cachedName, StoreName, useQueryClient } from '../shared/lookups';
import { UserForm } from './user-form';
import { Options } from '../../components/options';

export function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const editor = useEditor<User>();
  const f = useFilteredList('users', { q: '', role: '' }, usersApi.list);

  const columns: Column<User>[] = [
    { id: 'name', wrap: true, header: t('web.users.name'), cell: (u) => <strong>{u.name}</strong>, sort: (u) => u.name, csv: (u) => u.name },
    { id: 'username', header: t('web.users.username'), cell: (u) => <span className="mono">{u.username}</span>, sort: (u) => u.username, csv: (u) => u.username },
    { id: 'role', header: t('web.users.role'), cell: (u) => <Tag tone={u.role === 'admin' ? 'info' : 'neutral'}>{t(`role.${u.role}`)}</Tag>, sort: (u) => u.role, csv: (u) => t(`role.${u.role}`) },
    {
      id: 'stores',
      header: t('web.users.stores'),
      cell: (u) =>
        u.role === 'admin' ? (
          <span className="muted">{t('web.users.allStores')}</span>
        ) : (
          <span className="clip">
            {u.storeIds.slice(0, 2).map((s, i) => (
              <span key={s}>
                {i > 0 && ', '}
                <StoreName id={s} />
              </span>
            ))}
            {u.storeIds.length > 2 && ` +${u.storeIds.length - 2}`}
          </span>
        ),
      csv: (u) => (u.role === 'admin' ? t('web.users.allStores') : u.storeIds.map((s) => cachedName(qc, 'store', s)).join('; ')),
    },
    { id: 'active', header: t('web.users.state'), cell: (u) => (u.active ? <Tag tone="good">{t('web.users.active')}</Tag> : <Tag tone="neutral">{t('web.users.disabled')}</Tag>), csv: (u) => (u.active ? t('web.users.active') : t('web.users.disabled')) },
    { id: 'since', header: t('web.users.since'), minor: true, cell: (u) => fmtDate(u.createdAt, i18n), csv: (u) => u.createdAt },
    actionsColumn(t, editor.edit),
  ];

  return (
    <ListPage
      filters={{
        label: t('web.users.filters'),
        active: f.active,
        children: (
          <>
            <SearchFilter placeholder={t('web.users.search')} value={f.text.q} onChange={f.set('q')} />
            <Field label={t('web.users.role')}>
              {(id) => (
                <select id={id} value={f.text.role} onChange={(e) => f.set('role')(e.target.value)}>
                  <option value="">{t('web.users.anyRole')}</option>
                  <Options values={roles} label={(r) => t(`role.${r}`)} />
                </select>
              )}
            </Field>
          </>
        ),
      }}
      table={{ caption: 'Users', columns, list: f.list, rowKey: (u) => u.id, csv: { filename: 'users' }, testId: 'users-table' }}
      create={{ label: t('web.users.new'), onClick: editor.create }}
      dialog={{ title: editor.isNew ? t('web.users.new') : t('web.users.edit'), open: editor.open, onClose: editor.close, body: <UserForm user={editor.item} onDone={editor.close} /> }}
    />
  );
}
