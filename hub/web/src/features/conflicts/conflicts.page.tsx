import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { conflictKinds, conflictResolveSchema, type Conflict, type ConflictKind, type MessageKey } from '@bazaar/shared';
import { conflictsApi } from '../../api/endpoints';
import { ApiError, errorMessage } from '../../api/api-error';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field, FormError } from '../../components/field';
import { Tag } from '../../components/badges';
import { fmtDateTime } from '../../components/format';
import { usePagedList } from '../../components/use-paged-list';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { cachedName, ProductName, searchStores, StoreName } from '../shared/lookups';
import { useI18n } from '../../i18n/i18n-context';
import { Options } from '../../components/options';
import { ConflictGroups, kindKeys } from './conflict-groups';

function kindLabel(kind: ConflictKind, t: (key: MessageKey) => string): string {
  return t(kindKeys[kind]);
}

function KindLabel({ kind }: { kind: ConflictKind }) {
  const { t } = useI18n();
  return <>{kindLabel(kind, t)}</>;
}

function detailText(c: Conflict): string {
  return Object.entries(c.details)
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

function ResolveForm({ conflict, onDone }: { conflict: Conflict; onDone(): void }) {
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const resolve = useMutation({
    mutationFn: (n: string) => conflictsApi.resolve(conflict.id, n),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['conflicts'] });
      onDone();
    },
    onError: (err) => setError(err instanceof ApiError ? (err.fieldErrors().note ?? err.message) : errorMessage(err)),
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = conflictResolveSchema.safeParse({ note });
        if (!parsed.success) return setError(parsed.error.issues[0]?.message);
        setError(undefined);
        resolve.mutate(parsed.data.note);
      }}
    >
      <p>
        <strong><KindLabel kind={conflict.kind} /></strong> at <StoreName id={conflict.storeId} />
        {conflict.productId && (
          <>
            {' '}
            for <ProductName id={conflict.productId} />
          </>
        )}
      </p>
      <pre className="json">{JSON.stringify(conflict.details, null, 2)}</pre>
      <Field label="Resolution note" error={error} hint="What was checked or done; it is kept in the audit log.">
        {(id, d) => <textarea id={id} aria-describedby={d} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormError message={null} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={resolve.isPending}>
          {resolve.isPending ? 'Resolving…' : 'Mark resolved'}
        </button>
      </div>
    </form>
  );
}

export function ConflictsPage() {
  const user = useUser();
  const qc = useQueryClient();
  const { t } = useI18n();
  const [store, setStore] = useState<PickOption | null>(null);
  const [kind, setKind] = useState<ConflictKind | ''>('');
  const [status, setStatus] = useState<'open' | 'resolved' | ''>('open');
  const [resolving, setResolving] = useState<Conflict | null>(null);
  const query = { storeId: store?.id, kind, status };
  const activeFilters = countActive(query);
  const list = usePagedList(['conflicts', 'list', query], (cursor, limit = 50) => conflictsApi.list({ ...query, cursor, limit }));

  const columns: Column<Conflict>[] = [
    { id: 'at', header: 'Found', cell: (c) => fmtDateTime(c.createdAt), sort: (c) => c.createdAt, csv: (c) => c.createdAt },
    { id: 'store', header: 'Store', cell: (c) => <StoreName id={c.storeId} />, csv: (c) => cachedName(qc, 'store', c.storeId) },
    { id: 'kind', header: 'Kind', cell: (c) => <Tag tone={c.kind === 'REJECTED_MOVEMENT' || c.kind === 'NEGATIVE_STOCK' ? 'bad' : 'warn'}>{kindLabel(c.kind, t)}</Tag>, sort: (c) => c.kind, csv: (c) => c.kind },
    { id: 'product', wrap: true, header: 'Product', cell: (c) => <ProductName id={c.productId} />, csv: (c) => cachedName(qc, 'product', c.productId) },
    { id: 'details', header: 'Details', minor: true, cell: (c) => <span className="clip">{detailText(c)}</span>, csv: (c) => JSON.stringify(c.details) },
    {
      id: 'status',
      header: 'Status',
      cell: (c) => (c.status === 'open' ? <Tag tone="warn">open</Tag> : <span title={c.resolutionNote ?? ''}>resolved {fmtDateTime(c.resolvedAt)}</span>),
      csv: (c) => (c.status === 'open' ? 'open' : `resolved: ${c.resolutionNote ?? ''}`),
    },
  ];
  if (allowed(user, 'resolveConflicts'))
    columns.push({
      id: 'act',
      header: '',
      cell: (c) =>
        c.status === 'open' ? (
          <button type="button" className="btn btn-sm" onClick={() => setResolving(c)}>
            Resolve…
          </button>
        ) : null,
    });

  return (
    <div className="page">
      <ConflictGroups canResolve={allowed(user, 'resolveConflicts')} />
      <FilterPanel label="Conflict filters" active={activeFilters}>
        <Field label="Store">{(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel="All stores" />}</Field>
        <Field label="Kind">
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as ConflictKind | '')}>
              <option value="">Any kind</option>
              <Options values={conflictKinds} label={(k) => kindLabel(k, t)} />
            </select>
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as 'open' | 'resolved' | '')}>
              <option value="open">Open</option>
              <option value="resolved">Resolved</option>
              <option value="">All</option>
            </select>
          )}
        </Field>
      </FilterPanel>
      <DataTable
        caption="Conflicts found by reconciliation"
        columns={columns}
        list={list}
        rowKey={(c) => c.id}
        csv={{ filename: 'conflicts' }}
        empty="No conflicts here. Sync found nothing to review."
        testId="conflicts-table"
      />
      <Dialog title="Resolve conflict" open={!!resolving} onClose={() => setResolving(null)} wide>
        {resolving && <ResolveForm conflict={resolving} onDone={() => setResolving(null)} />}
      </Dialog>
    </div>
  );
}
