import { useState } from 'react';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
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
import { cachedName, ProductName, searchStores, StoreName, useName, useProductUnit } from '../shared/lookups';
import type { Named } from '../shared/name-batch';
import { useI18n } from '../../i18n/i18n-context';
import { describeConflict, type NameOf } from './conflict-words';
import { Options } from '../../components/options';
import { ConflictGroups, kindKeys } from './conflict-groups';
import { cachedZone, storeTimeColumn } from '../shared/store-time';

function kindLabel(kind: ConflictKind, t: (key: MessageKey) => string): string {
  return t(kindKeys[kind]);
}


/** What happened, in words: the product's display units and the other store's name. */
function ConflictWords({ c }: { c: Conflict }) {
  const i18n = useI18n();
  const unit = useProductUnit(c.productId);
  const from = useName('store', typeof c.details.fromStoreId === 'string' ? c.details.fromStoreId : null).data?.name;
  return <>{describeConflict(c, i18n, unit, () => from)}</>;
}

/** The same words for the CSV, from the names the page has already looked up. */
function csvWords(qc: QueryClient, i18n: Parameters<typeof describeConflict>[1], c: Conflict): string {
  const unit = c.productId ? qc.getQueryData<Named | null>(['name', 'product', c.productId])?.unit : undefined;
  const nameOf: NameOf = (kind, id) => cachedName(qc, kind, id);
  return describeConflict(c, i18n, unit, nameOf);
}

function ResolveForm({ conflict, onDone }: { conflict: Conflict; onDone(): void }) {
  const qc = useQueryClient();
  const { t } = useI18n();
  const storeName = useName('store', conflict.storeId).data?.name;
  const productName = useName('product', conflict.productId).data?.name;
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
        <strong>{t('web.conflicts.atStore', { kind: kindLabel(conflict.kind, t), store: storeName ?? '…' })}</strong>
        {productName && <> {t('web.conflicts.forProduct', { product: productName })}</>}
      </p>
      <p data-testid="conflict-words">
        <ConflictWords c={conflict} />
      </p>
      <details className="muted">
        <summary>{t('web.conflicts.stored')}</summary>
        <pre className="json">{JSON.stringify(conflict.details, null, 2)}</pre>
      </details>
      <Field label={t('web.conflicts.note')} error={error} hint={t('web.conflicts.noteHint')}>
        {(id, d) => <textarea id={id} aria-describedby={d} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormError message={null} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('web.conflicts.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={resolve.isPending}>
          {resolve.isPending ? t('web.conflicts.resolving') : t('web.conflicts.markResolved')}
        </button>
      </div>
    </form>
  );
}

export function ConflictsPage() {
  const user = useUser();
  const qc = useQueryClient();
  const i18n = useI18n();
  const { t } = i18n;
  const [store, setStore] = useState<PickOption | null>(null);
  const [kind, setKind] = useState<ConflictKind | ''>('');
  const [status, setStatus] = useState<'open' | 'resolved' | ''>('open');
  const [resolving, setResolving] = useState<Conflict | null>(null);
  const query = { storeId: store?.id, kind, status };
  const activeFilters = countActive(query);
  const list = usePagedList(['conflicts', 'list', query], (cursor, limit = 50) => conflictsApi.list({ ...query, cursor, limit }));

  const columns: Column<Conflict>[] = [
    storeTimeColumn<Conflict>(qc, { id: 'at', header: t('web.conflicts.found'), at: (c) => c.createdAt, store: (c) => c.storeId }),
    { id: 'store', header: t('web.conflicts.store'), cell: (c) => <StoreName id={c.storeId} />, csv: (c) => cachedName(qc, 'store', c.storeId) },
    { id: 'kind', header: t('web.conflicts.kind'), cell: (c) => <Tag tone={c.kind === 'REJECTED_MOVEMENT' || c.kind === 'NEGATIVE_STOCK' ? 'bad' : 'warn'}>{kindLabel(c.kind, t)}</Tag>, sort: (c) => c.kind, csv: (c) => kindLabel(c.kind, t) },
    { id: 'product', wrap: true, header: t('web.conflicts.product'), cell: (c) => <ProductName id={c.productId} />, csv: (c) => cachedName(qc, 'product', c.productId) },
    { id: 'details', header: t('web.conflicts.details'), wrap: true, cell: (c) => <ConflictWords c={c} />, csv: (c) => csvWords(qc, i18n, c) },
    {
      id: 'status',
      header: t('web.conflicts.status'),
      cell: (c) => (c.status === 'open' ? <Tag tone="warn">{t('web.conflicts.open')}</Tag> : <span title={c.resolutionNote ?? ''}>{t('web.conflicts.resolvedAt', { when: fmtDateTime(c.resolvedAt, i18n, cachedZone(qc, c.storeId)) })}</span>),
      csv: (c) => (c.status === 'open' ? t('web.conflicts.open') : t('web.conflicts.resolvedCsv', { note: c.resolutionNote ?? '' })),
    },
  ];
  if (allowed(user, 'resolveConflicts'))
    columns.push({
      id: 'act',
      header: '',
      cell: (c) =>
        c.status === 'open' ? (
          <button type="button" className="btn btn-sm" onClick={() => setResolving(c)}>
            {t('web.conflicts.resolve')}
          </button>
        ) : null,
    });

  return (
    <div className="page">
      <ConflictGroups canResolve={allowed(user, 'resolveConflicts')} />
      <FilterPanel label={t('web.conflicts.filters')} active={activeFilters}>
        <Field label={t('web.conflicts.store')}>{(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel={t('web.conflicts.allStores')} />}</Field>
        <Field label={t('web.conflicts.kind')}>
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as ConflictKind | '')}>
              <option value="">{t('web.conflicts.anyKind')}</option>
              <Options values={conflictKinds} label={(k) => kindLabel(k, t)} />
            </select>
          )}
        </Field>
        <Field label={t('web.conflicts.status')}>
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as 'open' | 'resolved' | '')}>
              <option value="open">{t('web.conflicts.statusOpen')}</option>
              <option value="resolved">{t('web.conflicts.statusResolved')}</option>
              <option value="">{t('web.conflicts.statusAll')}</option>
            </select>
          )}
        </Field>
      </FilterPanel>
      <DataTable
        caption={t('web.conflicts.caption')}
        columns={columns}
        list={list}
        rowKey={(c) => c.id}
        csv={{ filename: 'conflicts' }}
        empty={t('web.conflicts.empty')}
        testId="conflicts-table"
      />
      <Dialog title={t('web.conflicts.resolveTitle')} open={!!resolving} onClose={() => setResolving(null)} wide>
        {resolving && <ResolveForm conflict={resolving} onDone={() => setResolving(null)} />}
      </Dialog>
    </div>
  );
}
