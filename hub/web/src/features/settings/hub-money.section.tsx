import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hubSettingsApi } from '../../api/endpoints';
import { errorMessage } from '../../api/api-error';
import { FormError } from '../../components/field';
import { useUser } from '../../auth/auth-context';
import { useI18n } from '../../i18n/i18n-context';
import { HubMoneyFields, type HubMoneyValue } from './hub-money.fields';
import { hubSettingsKey, useHubSettings } from './hub-settings.query';

/** The hub's currency and default language: everyone sees them, an admin changes them. */
export function HubMoneySection() {
  const { t } = useI18n();
  const admin = useUser().role === 'admin';
  const queryClient = useQueryClient();
  const settings = useHubSettings();
  const [draft, setDraft] = useState<HubMoneyValue | null>(null);
  useEffect(() => {
    if (settings.data) setDraft({ currency: settings.data.currency, defaultLocale: settings.data.defaultLocale });
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (v: HubMoneyValue) => hubSettingsApi.update(v),
    onSuccess: (next) => queryClient.setQueryData(hubSettingsKey, next),
  });
  return (
    <section className="card" data-testid="hub-money-section">
      <h3>{t('web.settings.money')}</h3>
      <p className="muted">{t('web.settings.moneyHint')}</p>
      {settings.error && <p className="form-error">{errorMessage(settings.error)}</p>}
      {draft && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <HubMoneyFields value={draft} onChange={(v) => { save.reset(); setDraft(v); }} disabled={!admin || save.isPending} />
          <FormError message={save.error ? errorMessage(save.error) : null} />
          {save.isSuccess && <p className="notice notice-ok" role="status">{t('web.settings.saved')}</p>}
          {admin ? (
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" data-testid="hub-money-save" disabled={save.isPending}>
                {t('web.settings.save')}
              </button>
            </div>
          ) : (
            <p className="muted small">{t('web.settings.adminOnly')}</p>
          )}
        </form>
      )}
    </section>
  );
}
