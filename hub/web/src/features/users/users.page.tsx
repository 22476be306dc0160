import { useState } from 'react';
import { roles, type Role, type User } from '@bazaar/shared';
import { usersApi } from '../../api/endpoints';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { fmtDate } from '../../components/format';
import { usePagedList } from '../../components/use-paged-list';
import { useDebounced } from '../../components/use-debounced';
import { StoreName } from '../shared/lookups';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { UserForm } from './user-form';

export function UsersPage() {
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const query = { q: useDebounced(q.trim()), role };
  const activeFilters = countActive(query);
  const list = usePagedList(['users', 'list', query], (cursor, limit = 50) => usersApi.list({ ...query, cursor, limit }));

  const columns: Column<User>[] = [
    { id: 'name', wrap: true, header: 'Name', cell: (u) => <strong>{u.name}</strong>, sort: (u) => u.name, csv: (u) => u.name },
    { id: 'username', header: 'Username', cell: (u) => <span className="mono">{u.username}</span>, sort: (u) => u.username, csv: (u) => u.username },
    { id: 'role', header: 'Role', cell: (u) => <Tag tone={u.role === 'admin' ? 'info' : 'neutral'}>{u.role}</Tag>, sort: (u) => u.role, csv: (u) => u.role },
    {
      id: 'stores',
      header: 'Stores',
      cell: (u) =>
        u.role === 'admin' ? (
          <span className="muted">all</span>
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
      csv: (u) => (u.role === 'admin' ? 'all' : u.storeIds.join(' ')),
    },
    { id: 'active', header: 'State', cell: (u) => (u.active ? <Tag tone="good">active</Tag> : <Tag tone="neutral">disabled</Tag>), csv: (u) => (u.active ? 'active' : 'disabled') },
    { id: 'since', header: 'Since', minor: true, cell: (u) => fmtDate(u.createdAt), csv: (u) => u.createdAt },
    {
      id: 'act',
      header: '',
      cell: (u) => (
        <button type="button" className="btn btn-sm" onClick={() => setEditing(u)}>
          Edit
        </button>
      ),
    },
  ];

  return (
    <div className="page">
      <FilterPanel label="User filters" active={activeFilters}>
        <Field label="Search">{(id) => <input id={id} type="search" placeholder="Name or username" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <Field label="Role">
          {(id) => (
            <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
              <option value="">Any role</option>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FilterPanel>
      <DataTable
        caption="Users"
        columns={columns}
        list={list}
        rowKey={(u) => u.id}
        csv={{ filename: 'users' }}
        toolbar={
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            New user
          </button>
        }
        testId="users-table"
      />
      <Dialog title={editing === 'new' ? 'New user' : 'Edit user'} open={!!editing} onClose={() => setEditing(null)} wide>
        {editing && <UserForm user={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </div>
  );
}
