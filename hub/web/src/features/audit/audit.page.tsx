import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { auditActions, type AuditEntry } from '@bazaar/shared';
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
import { cachedName, cachedUnit, searchStores, searchUsers, StoreName } from '../shared/lookups';
import { useI18n } from '../../i18n/i18n-context';
import { AuditGist, auditGistText, EntityName, entityRef, entityWord, gistProductId, useActionWords } from './audit-summary';
import { allowed } from '../../auth/permissions';
import { useUser } from '../../auth/auth-context';
import { cachedZone, storeTimeColumn } from '../shared/store-time';

const entities = ['product', 'store', 'supplier', 'user', 'movement', 'device', 'conflict', 'stock', 'auth'] as const;

function ChainStatus() {
  const { t } = useI18n();
  const verify = useQuery({ queryKey: ['audit', 'verify'], queryFn: auditApi.verify, staleTime: 60_000 });
  if (verify.isLoading) return <div className="chain chain-pending">{t('web.audit.chainChecking')}</div>;
  if (verify.error) return <div className="chain chain-bad">{t('web.audit.chainError', { error: errorMessage(verify.error) })}</div>;
  const v = verify.data;
  if (!v) return null;
  return (
    <div className={`chain ${v.ok ? 'chain-ok' : 'chain-bad'}`} data-testid="chain-status" role="status">
      <strong>{v.ok ? t('web.audit.chainOk') : t('web.audit.chainBad')}</strong>
      <span>
        {t('web.audit.checked', { n: v.checked })}
        {v.firstBroken && t('web.audit.firstBad', { id: v.firstBroken.id, reason: v.firstBroken.reason })}
      </span>
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => void verify.refetch()} disabled={verify.isFetching}>
        {verify.isFetching ? t('web.audit.checking') : t('web.audit.verifyAgain')}
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
  const i18n = useI18n();
  const { t } = i18n;
  const actionWords = useActionWords();
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
    action,
    entity,
    actorId: actor?.id,
    storeId: store?.id,
    from: dayStart(from),
    to: dayEnd(to),
  };
  const activeFilters = countActive(query);
  const list = usePagedList(['audit', 'list', query], (cursor, limit = 50) => auditApi.list({ ...query, cursor, limit }));

  const columns: Column<AuditEntry>[] = [
    storeTimeColumn<AuditEntry>(qc, { id: 'at', header: t('web.audit.when'), at: (e) => e.at, store: (e) => e.storeId }),
    {
      id: 'actor',
      header: t('web.audit.actor'),
      cell: (e) => (
        <span className="who">
          <span className="avatar avatar-sm" aria-hidden="true">
            {(e.actorName ?? '?').slice(0, 1).toUpperCase()}
          </span>
          {e.actorName ?? <span className="muted">{t('web.audit.system')}</span>}
        </span>
      ),
      sort: (e) => e.actorName,
      csv: (e) => e.actorName,
    },
    { id: 'action', header: t('web.audit.what'), cell: (e) => <Tag tone="info">{actionWords(e.action)}</Tag>, sort: (e) => e.action, csv: (e) => actionWords(e.action) },
    {
      id: 'entity',
      wrap: true,
      header: t('web.audit.entity'),
      cell: (e) => <EntityName entry={e} />,
      csvNeeds: (e) => (entityRef(e) ? [[entityRef(e)!.kind, entityRef(e)!.id]] : []),
      csv: (e) => {
        const ref = entityRef(e);
        return [entityWord(i18n, e), ref && cachedName(qc, ref.kind, ref.id)].filter(Boolean).join(' · ');
      },
    },
    {
      id: 'summary',
      wrap: true,
      header: t('web.audit.details'),
      cell: (e) => <AuditGist entry={e} />,
      csvNeeds: (e) => [['product', gistProductId(e)]],
      csv: (e) => auditGistText(i18n, e, cachedUnit(qc, gistProductId(e))),
    },
    { id: 'store', header: t('web.audit.store'), minor: true, cell: (e) => <StoreName id={e.storeId} />, csv: (e) => cachedName(qc, 'store', e.storeId) },
    { id: 'ip', header: t('web.audit.ip'), minor: true, cell: (e) => e.ip ?? '—', csv: (e) => e.ip },
  ];

  return (
    <div className="page">
      {allowed(user, 'verifyAudit') && <ChainStatus />}
      <FilterPanel label={t('web.audit.filters')} active={activeFilters}>
        <Field label={t('web.audit.search')} hint={t('web.audit.searchHint')}>
          {(id, d) => <input id={id} aria-describedby={d} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        <Field label={t('web.audit.action')}>
          {(id) => (
            <select id={id} value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">{t('web.audit.anyAction')}</option>
              {auditActions.map((a) => (
                <option key={a} value={a}>
                  {actionWords(a)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('web.audit.entity')}>
          {(id) => (
            <select id={id} value={entity} onChange={(e) => setEntity(e.target.value)}>
              <option value="">{t('web.audit.anyEntity')}</option>
              {entities.map((en) => (
                <option key={en} value={en}>
                  {t(`web.audit.entity.${en}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('web.audit.actor')}>{(id) => <EntityPicker id={id} kind="users" value={actor} onChange={setActor} search={searchUsers} allLabel={t('web.audit.anyone')} />}</Field>
        <Field label={t('web.audit.store')}>{(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel={t('web.audit.allStores')} />}</Field>
        <Field label={t('web.audit.from')}>{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label={t('web.audit.to')}>{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      </FilterPanel>
      <DataTable
        caption={t('web.audit.caption')}
        columns={columns}
        list={list}
        rowKey={(e) => e.id}
        onRowClick={setOpen}
        csv={{ filename: 'activity-log' }}
        testId="audit-table"
      />
      <Dialog title={open ? `${actionWords(open.action)} · ${fmtDateTime(open.at, i18n, cachedZone(qc, open.storeId))}` : t('web.audit.details')} open={!!open} onClose={() => setOpen(null)} wide>
        {open && (
          <div className="audit-detail">
            <dl className="facts">
              <div>
                <dt>{t('web.audit.actor')}</dt>
                <dd>{open.actorName ?? t('web.audit.system')}</dd>
              </div>
              <div>
                <dt>{t('web.audit.entity')}</dt>
                <dd>
                  <EntityName entry={open} />
                </dd>
              </div>
              <div>
                <dt>{t('web.audit.details')}</dt>
                <dd>
                  <AuditGist entry={open} />
                </dd>
              </div>
              <div>
                <dt>{t('web.audit.store')}</dt>
                <dd>
                  <StoreName id={open.storeId} />
                </dd>
              </div>
              <div>
                <dt>{t('web.audit.ip')}</dt>
                <dd>{open.ip ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('web.audit.hash')}</dt>
                <dd className="mono clip" title={open.hash}>
                  {open.hash.slice(0, 16)}…
                </dd>
              </div>
            </dl>
            <details className="raw-entry" data-testid="audit-raw">
              <summary>{t('web.audit.raw')}</summary>
              <div className="diff">
                <div>
                  <h4>{t('web.audit.before')}</h4>
                  <Json value={open.before} />
                </div>
                <div>
                  <h4>{t('web.audit.after')}</h4>
                  <Json value={open.after} />
                </div>
              </div>
            </details>
          </div>
        )}
      </Dialog>
    </div>
  );
}
