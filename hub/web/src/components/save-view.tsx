import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { savedViewsApi } from '../api/saved-views.api';
import { CancelAndError } from './list-card';
import { navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n-context';

/** "Save view": the page's filters as they are in its URL, saved under a name of the user's. */
export function SaveViewButton() {
  const { t } = useI18n();
  const { path, search } = useLocation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () => savedViewsApi.create({ name, path, query: search.toString() }),
    onSuccess: (v) => {
      setSaved(v.name);
      setOpen(false);
      setName('');
      void qc.invalidateQueries({ queryKey: ['saved-views'] });
    },
  });
  if (!open) {
    return (
      <span className="save-view" data-testid="save-view">
        <button type="button" className="btn" onClick={() => (setOpen(true), setSaved(null))} data-testid="save-view-open">
          {t('web.views.save')}
        </button>
        {saved && (
          <span className="muted" role="status">
            {t('web.views.saved', { name: saved })}{' '}
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => navigate('/views')}>
              {t('web.views.seeAll')}
            </button>
          </span>
        )}
      </span>
    );
  }
  return (
    <form
      className="save-view"
      data-testid="save-view"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) m.mutate();
      }}
    >
      <label className="sr-only" htmlFor="save-view-name">
        {t('web.views.name')}
      </label>
      <input id="save-view-name" value={name} maxLength={80} placeholder={t('web.views.namePlaceholder')} onChange={(e) => setName(e.target.value)} autoFocus data-testid="save-view-name" />
      <button type="submit" className="btn btn-primary" disabled={m.isPending || !name.trim()} data-testid="save-view-submit">
        {t('web.views.saveNamed')}
      </button>
      <CancelAndError onCancel={() => setOpen(false)} error={m.error} />
    </form>
  );
}
