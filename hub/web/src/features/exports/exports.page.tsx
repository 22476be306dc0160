import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ExportListItem, MessageKey } from '@bazaar/shared';
import { exportsApi } from '../../api/exports.api';
import { savedViewsApi } from '../../api/saved-views.api';
import { errorMessage } from '../../api/api-error';
import { downloadText, stampedName } from '../../components/csv';
import { fmtDateTime, fmtDay } from '../../components/format';
import { ListCard } from '../../components/list-card';
import { useI18n } from '../../i18n/i18n-context';

const finished = (e: ExportListItem) => e.state === 'done' || e.state === 'failed';

/** My exports, newest first: what I started and what my scheduled reports made, each to download when done. */
export function ExportsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['exports'],
    queryFn: savedViewsApi.exports,
    refetchInterval: (query) => (query.state.data?.items.every(finished) ? 15_000 : 1_000),
  });
  const items = q.data?.items ?? [];
  const report = (e: ExportListItem) => e.viewName ?? t(`web.exports.kind.${e.kind === 'movements' ? 'movements' : 'stock'}` as MessageKey);
  const period = (e: ExportListItem) => {
    if (!e.period) return t('web.exports.onDemand');
    const [every, day = ''] = e.period.split(':');
    return t(every === 'week' ? 'web.exports.period.week' : 'web.exports.period.day', { date: fmtDay(day, i18n) });
  };
  const state = (e: ExportListItem) => {
    if (e.state === 'done') return t('web.exportJob.done', { count: e.rowsDone });
    if (e.state === 'failed') return t('web.exportJob.failed', { error: e.error ?? '' });
    if (e.rowsTotal === null) return t('web.exportJob.queued');
    return t('web.exportJob.progress', { done: i18n.number(e.rowsDone), total: i18n.number(e.rowsTotal) });
  };
  async function download(e: ExportListItem) {
    setError(null);
    try {
      downloadText(stampedName(report(e).replace(/[^\p{L}\p{N}]+/gu, '-')), await exportsApi.download(e.id));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="page">
      <ListCard
        title={t('web.exports.title')}
        count={q.data ? t('web.exports.count', { count: items.length }) : null}
        error={error ?? q.error}
        headers={[t('web.exports.report'), t('web.exports.period'), t('web.exports.state'), t('web.exports.webhook'), t('web.exports.started'), '']}
        empty={q.data && items.length === 0 ? t('web.exports.empty') : null}
        testId="exports"
      >
              {items.map((e) => (
                <tr key={e.id} data-testid="export-row" data-state={e.state} data-report={report(e)}>
                  <td>
                    <strong>{report(e)}</strong>
                  </td>
                  <td>{period(e)}</td>
                  <td className="wrap" role="status">{state(e)}</td>
                  <td>{e.webhookState ? t(`web.exports.webhook.${e.webhookState}` as MessageKey) : <span className="muted">{t('web.exports.webhook.none')}</span>}</td>
                  <td>{fmtDateTime(e.createdAt, i18n)}</td>
                  <td>
                    {e.state === 'done' && (
                      <button type="button" className="btn btn-primary btn-sm" onClick={() => void download(e)} data-testid="export-download">
                        {t('web.exportJob.download')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
      </ListCard>
    </div>
  );
}
