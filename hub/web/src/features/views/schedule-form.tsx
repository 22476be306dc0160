import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { savedViewExportKinds, type SavedView } from '@bazaar/shared';
import { savedViewsApi } from '../../api/saved-views.api';
import { CancelAndError } from '../../components/list-card';
import { Field } from '../../components/field';
import { useI18n } from '../../i18n/i18n-context';

type Every = 'none' | 'daily' | 'weekly';

/** A saved view as a report: how often, what it exports, and the webhook told when the file is ready. */
export function ScheduleForm({ view, onDone }: { view: SavedView; onDone: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [every, setEvery] = useState<Every>(view.schedule ?? 'none');
  const [kind, setKind] = useState(view.exportKind);
  const [webhook, setWebhook] = useState(view.webhookUrl ?? '');
  const m = useMutation({
    mutationFn: () =>
      savedViewsApi.update(view.id, every === 'none' ? { schedule: null, webhookUrl: null } : { schedule: every, exportKind: kind, webhookUrl: webhook.trim() || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['saved-views'] });
      void qc.invalidateQueries({ queryKey: ['exports'] });
      onDone();
    },
  });
  return (
    <form
      className="form-grid schedule-form"
      data-testid="schedule-form"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <Field label={t('web.views.every')}>
        {(id) => (
          <select id={id} value={every} onChange={(e) => setEvery(e.target.value as Every)} data-testid="schedule-every">
            <option value="none">{t('web.views.every.none')}</option>
            <option value="daily">{t('web.views.every.daily')}</option>
            <option value="weekly">{t('web.views.every.weekly')}</option>
          </select>
        )}
      </Field>
      {every !== 'none' && (
        <>
          <Field label={t('web.views.exportKind')}>
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value as SavedView['exportKind'])} data-testid="schedule-kind">
                {savedViewExportKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`web.views.exportKind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('web.views.webhook')} hint={t('web.views.webhookHint')} wide>
            {(id, describedBy) => (
              // The placeholder is the start of every webhook address, the same in every language (left in the untranslated baseline).
              <input id={id} type="url" value={webhook} placeholder="https://" onChange={(e) => setWebhook(e.target.value)} aria-describedby={describedBy} data-testid="schedule-webhook" />
            )}
          </Field>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={m.isPending} data-testid="schedule-save">
          {t('web.views.scheduleSave')}
        </button>
        <CancelAndError onCancel={onDone} error={m.error} />
      </div>
    </form>
  );
}
