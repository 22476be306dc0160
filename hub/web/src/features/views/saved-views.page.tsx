import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageKey, SavedView } from '@bazaar/shared';
import { savedViewsApi } from '../../api/saved-views.api';
import { errorMessage } from '../../api/api-error';
import { navigate } from '../../app/router';
import { tabs } from '../../app/tabs';
import { useAuth } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { fmtDateTime } from '../../components/format';
import { CancelAndError, ListCard } from '../../components/list-card';
import { useI18n } from '../../i18n/i18n-context';
import { ScheduleForm } from './schedule-form';
import { describeFilters } from './view-filters';

function RenameForm({ view, onDone }: { view: SavedView; onDone: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [name, setName] = useState(view.name);
  const m = useMutation({
    mutationFn: () => savedViewsApi.update(view.id, { name }),
    onSuccess: () => (void qc.invalidateQueries({ queryKey: ['saved-views'] }), onDone()),
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) m.mutate();
      }}
    >
      <input aria-label={t('web.views.name')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoFocus data-testid="rename-input" />
      <button type="submit" className="btn btn-primary btn-sm" disabled={m.isPending || !name.trim()}>
        {t('web.views.renameSave')}
      </button>
      <CancelAndError onCancel={onDone} error={m.error} small />
    </form>
  );
}

/** My saved views: open one (its filters come back from its URL), rename, schedule as a report, delete. */
export function SavedViewsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useAuth();
  const qc = useQueryClient();
  const canSchedule = allowed(user, 'viewReports');
  const q = useQuery({ queryKey: ['saved-views'], queryFn: savedViewsApi.list });
  const [editing, setEditing] = useState<{ id: string; what: 'rename' | 'schedule' } | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => savedViewsApi.remove(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['saved-views'] }),
    onError: (err) => window.alert(errorMessage(err)),
  });
  const pageName = (path: string) => {
    const tab = tabs.find((x) => x.path === path);
    return tab ? t(tab.label) : path;
  };
  const views = q.data?.items ?? [];

  return (
    <div className="page">
      <ListCard
        title={t('web.views.title')}
        count={q.data ? t('web.views.count', { count: views.length }) : null}
        error={q.error}
        headers={[t('web.views.name'), t('web.views.page'), t('web.views.filters'), t('web.views.schedule'), t('web.views.changed'), '']}
        empty={q.data && views.length === 0 ? t('web.views.empty') : null}
        testId="saved-views"
      >
              {views.map((v) => {
                const f = describeFilters(v.path, v.query, i18n);
                return [
                  <tr key={v.id} data-testid="saved-view" data-name={v.name}>
                    <td>
                      {editing?.id === v.id && editing.what === 'rename' ? (
                        <RenameForm view={v} onDone={() => setEditing(null)} />
                      ) : (
                        <a href={`${v.path}${v.query ? `?${v.query}` : ''}`} onClick={(e) => (e.preventDefault(), navigate(`${v.path}${v.query ? `?${v.query}` : ''}`))} data-testid="saved-view-open">
                          <strong>{v.name}</strong>
                        </a>
                      )}
                    </td>
                    <td>{pageName(v.path)}</td>
                    <td className="wrap">
                      {f.shown.map((s, i) => (
                        <span key={i} className="chip">
                          {s}
                        </span>
                      ))}
                      {f.more > 0 && <span className="muted"> {t('web.views.filter.more', { count: f.more })}</span>}
                      {f.shown.length === 0 && f.more === 0 && <span className="muted">{t('web.views.filter.none')}</span>}
                    </td>
                    <td data-testid="saved-view-schedule">
                      {v.schedule ? t(`web.views.scheduled.${v.schedule}` as MessageKey, { kind: t(`web.views.exportKind.${v.exportKind}` as MessageKey) }) : <span className="muted">{t('web.views.every.none')}</span>}
                    </td>
                    <td>{fmtDateTime(v.updatedAt, i18n)}</td>
                    <td className="table-actions">
                      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing({ id: v.id, what: 'rename' })}>
                        {t('web.views.rename')}
                      </button>
                      {canSchedule && (
                        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing({ id: v.id, what: 'schedule' })} data-testid="saved-view-schedule-open">
                          {t('web.views.scheduleOpen')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn-sm btn-danger-ghost"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t('web.views.deleteConfirm', { name: v.name }))) remove.mutate(v.id);
                        }}
                      >
                        {t('web.views.delete')}
                      </button>
                    </td>
                  </tr>,
                  editing?.id === v.id && editing.what === 'schedule' && (
                    <tr key={`${v.id}-schedule`}>
                      <td colSpan={6} className="wrap">
                        <ScheduleForm view={v} onDone={() => setEditing(null)} />
                      </td>
                    </tr>
                  ),
                ];
              })}
      </ListCard>
    </div>
  );
}
