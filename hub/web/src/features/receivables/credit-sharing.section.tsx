import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error';
import { useUser } from '../../auth/auth-context';
import { FormError } from '../../components/field';
import { useI18n } from '../../i18n/i18n-context';
import { receivablesApi } from './receivables.api';

const key = ['credit-settings'] as const;

/**
 * Whether the chain shares its customers (issue 20): off, a customer is seen only at their own
 * store; on, every store's counters can find them and sell to them on credit. The Settings page
 * is an admin's; the change is audited on the hub.
 */
export function CreditSharingSection() {
  const { t } = useI18n();
  const admin = useUser().role === 'admin';
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: key, queryFn: receivablesApi.creditSettings, enabled: admin });
  // What was just clicked shows at once (the box follows the click in the same event), then the hub's answer.
  const [clicked, setClicked] = useState<boolean | null>(null);
  const save = useMutation({
    mutationFn: receivablesApi.shareCustomers,
    onSuccess: (next) => queryClient.setQueryData(key, next),
    onSettled: () => setClicked(null),
  });
  if (!admin) return null;
  const shared = clicked ?? settings.data?.shareCustomers;
  return (
    <section className="card" data-testid="credit-sharing-section">
      <h3>{t('web.settings.sharing.title')}</h3>
      <p className="muted">{t('web.settings.sharing.hint')}</p>
      {settings.error && <p className="form-error">{errorMessage(settings.error)}</p>}
      {shared !== undefined && (
        <label className="inline-check">
          <input type="checkbox" checked={shared} disabled={save.isPending} onChange={(e) => {
              setClicked(e.target.checked);
              save.mutate(e.target.checked);
            }} />
          {t('web.settings.sharing.label')}
        </label>
      )}
      <p className="muted small" role="status" data-testid="credit-sharing-state">
        {shared === undefined ? '' : shared ? t('web.settings.sharing.on') : t('web.settings.sharing.off')}
      </p>
      <FormError message={save.error ? errorMessage(save.error) : null} />
    </section>
  );
}
