import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { exportsApi } from '../api/exports.api';
import type { RequestBody } from '../api/hub-routes';
import { errorMessage } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { downloadText, stampedName } from './csv';

/**
 * Every row, however many: the hub's export job writes the file in chunks while this shows its
 * progress, then offers the download. Nothing here claims a row count the hub did not report.
 */
export function ExportJobButton({ params, filename }: { params: RequestBody<'POST', '/exports'>; filename: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [id, setId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['export', id],
    queryFn: () => exportsApi.get(id as string),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.state) ? false : 700),
  });
  const state = job.data?.state;
  const running = !!id && state !== 'done' && state !== 'failed';

  async function start() {
    setError(null);
    try {
      setId((await exportsApi.start(params)).id);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  async function download() {
    if (!id) return;
    try {
      downloadText(stampedName(filename), await exportsApi.download(id));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const d = job.data;
  return (
    <span className="export-job" data-testid="export-job">
      <button type="button" className="btn btn-ghost" onClick={() => void start()} disabled={running}>
        {t('web.exportJob.start')}
      </button>
      {d && running && (
        <span className="muted" role="status">
          {d.rowsTotal === null ? t('web.exportJob.queued') : t('web.exportJob.progress', { done: i18n.number(d.rowsDone), total: i18n.number(d.rowsTotal) })}
        </span>
      )}
      {d && state === 'done' && (
        <>
          <span className="muted" role="status">{t('web.exportJob.done', { count: d.rowsDone })}</span>
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void download()}>
            {t('web.exportJob.download')}
          </button>
        </>
      )}
      {d && state === 'failed' && <span className="error" role="alert">{t('web.exportJob.failed', { error: d.error ?? '' })}</span>}
      {error && <span className="error" role="alert">{error}</span>}
    </span>
  );
}
