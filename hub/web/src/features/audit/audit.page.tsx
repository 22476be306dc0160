import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntry } from '@bazaar/shared';
import { auditApi } from '../../api/endpoints';
import { errorMessage } from '../../api/api-error';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { dayEnd, dayStart, fmtDateTime } from '../../components/format';
import { usePagedList } from '../../components/use-paged-list';
import { useDebounced } from '../../components/use-debounced';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { cachedName, searchStores, searchUsers, StoreName } from '../shared/lookups';
import { Options } from '../../components/options';
import { allowed } from '../../auth/permissions';
import { useUser } from '../../auth/auth-context';

const entities = ['product', 'store', 'supplier', 'user', 'movement', 'device', 'conflict', 'stock', 'auth'];

function ChainStatus() {
  const verify = useQuery({ queryKey: ['audit', 'verify'], queryFn: auditApi.verify, staleTime: 60_000 });
  if (verify.isLoading) return <div className="chain chain-pending">Verifying the audit chain…</div>;
  if (verify.error) return <div className="chain chain-bad">Could not verify the chain: {errorMessage(verify.error)}</div>;
  const v = verify.data;
  if (!v) return null;
  return (
    <div className={`chain ${v.ok ? 'chain-ok' : 'chain-bad'}`} data-testid="chain-status" role="status">
      <strong>{v.ok ? '✔ Audit chain intact' : '✖ Audit chain broken'}</strong>
      <span>
        {v.checked.toLocaleString('en-IN')} entries checked
        {v.firstBroken && ` · first bad entry ${v.firstBroken.id}: ${v.firstBroken.reason}`}
      </span>
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => void verify.refetch()} disabled={verify.isFetching}>
        {verify.isFetching ? 'Checking…' : 'Verify again'}
      </button>
    </div>
  );
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditPage() {
  const user = useUser();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [action, setAction] = useState('');
  const [entity, setEntity] = useState('');
  const [actor, setActor] = useState<PickOption | null>(null);
  const [store, setStore] = useState<PickOption | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const query = {
    q: useDebounced(q.trim()),
    action: useDebounced(action.trim()),
    entity,
    actorId: actor?.id,
    storeId: store?.id,
    from: dayStart(from),
    to: dayEnd(to),
  };
  const activeFilters = countActive(query);
  const list = usePagedList(['audit', 'list', query], (cursor, limit = 50) => auditApi.list({ ...query, cursor, limit }));

  const columns: Column<AuditEntry>[] = [
    { id: 'at', header: 'When', cell: (e) => fmtDateTime(e.at), sort: (e) => e.at, csv: (e) => e.at },
    {
      id: 'actor',
      header: 'Who',
      cell: (e) => (
        <span className="who">
          <span className="avatar avatar-sm" aria-hidden="true">
            {(e.actorName ?? '?').slice(0, 1).toUpperCase()}
          </span>
          {e.actorName ?? <span className="muted">system</span>}
        </span>
      ),
      sort: (e) => e.actorName,
      csv: (e) => e.actorName,
    },
    { id: 'action', header: 'Action', cell: (e) => <Tag tone="info">{e.action}</Tag>, sort: (e) => e.action, csv: (e) => e.action },
    { id: 'entity', header: 'Entity', cell: (e) => `${e.entity}${e.entityId ? ` · ${e.entityId.slice(0, 8)}` : ''}`, csv: (e) => `${e.entity}:${e.entityId ?? ''}` },
    { id: 'summary', header: 'Details', cell: (e) => <span className="clip">{summary(e)}</span>, csv: (e) => JSON.stringify(e.after ?? e.before) },
    { id: 'store', header: 'Store', minor: true, cell: (e) => <StoreName id={e.storeId} />, csv: (e) => cachedName(qc, 'store', e.storeId) },
    { id: 'ip', header: 'IP', minor: true, cell: (e) => e.ip ?? '—', csv: (e) => e.ip },
  ];

  return (
    <div className="page">
      {allowed(user, 'verifyAudit') && <ChainStatus />}
      <FilterPanel label="Activity filters" active={activeFilters}>
        <Field label="Search">{(id) => <input id={id} type="search" placeholder="Anything in the entry" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <Field label="Action">{(id) => <input id={id} placeholder="e.g. product.create" value={action} onChange={(e) => setAction(e.target.value)} />}</Field>
        <Field label="Entity">
          {(id) => (
            <select id={id} value={entity} onChange={(e) => setEntity(e.target.value)}>
              <option value="">Any entity</option>
              <Options values={entities} />
            </select>
          )}
        </Field>
        <Field label="Actor">{(id) => <EntityPicker id={id} kind="users" value={actor} onChange={setActor} search={searchUsers} allLabel="Anyone" />}</Field>
        <Field label="Store">{(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel="All stores" />}</Field>
        <Field label="From">{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label="To">{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      </FilterPanel>
      <DataTable
        caption="Activity log"
        columns={columns}
        list={list}
        rowKey={(e) => e.id}
        onRowClick={setOpen}
        csv={{ filename: 'activity-log' }}
        testId="audit-table"
      />
      <Dialog title={open ? `${open.action} · ${fmtDateTime(open.at)}` : 'Entry'} open={!!open} onClose={() => setOpen(null)} wide>
        {open && (
          <div className="audit-detail">
            <dl className="facts">
              <div>
                <dt>Actor</dt>
                <dd>{open.actorName ?? 'system'}</dd>
              </div>
              <div>
                <dt>Entity</dt>
                <dd>
                  {open.entity} {open.entityId}
                </dd>
              </div>
              <div>
                <dt>IP</dt>
                <dd>{open.ip ?? '—'}</dd>
              </div>
              <div>
                <dt>Hash</dt>
                <dd className="mono clip" title={open.hash}>
                  {open.hash.slice(0, 16)}…
                </dd>
              </div>
            </dl>
            <div className="diff">
              <div>
                <h4>Before</h4>
                <Json value={open.before} />
              </div>
              <div>
                <h4>After</h4>
                <Json value={open.after} />
              </div>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}

/** A one-line gist of what changed, so the table reads without opening each entry. */
function summary(e: AuditEntry): string {
  const src = (e.after ?? e.before) as Record<string, unknown> | null;
  if (!src || typeof src !== 'object') return '—';
  const keys = ['sku', 'code', 'name', 'kind', 'qty', 'username', 'role', 'note'];
  const parts = keys.filter((k) => src[k] !== undefined && src[k] !== null).map((k) => `${k}: ${String(src[k])}`);
  return parts.length ? parts.join(' · ') : Object.keys(src).slice(0, 4).join(', ');
}
