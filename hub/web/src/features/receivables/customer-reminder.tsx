import { useQuery } from '@tanstack/react-query';
import { statementReminderText, waMeLink, type CustomerDetail } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';
import { receivablesApi } from './receivables.api';

/** The reminder a shop sends a customer who owes: the balance and the latest bills in the reader's language, ready for WhatsApp. */
export function CustomerReminder({ d }: { d: CustomerDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The whole khata (the statement on screen may be one period): the same request the dialog made first.
  const all = useQuery({ queryKey: ['customers', 'one', d.customer.id, {}], queryFn: () => receivablesApi.customer(d.customer.id, {}) });
  if (d.balanceMinor <= 0 || !all.data) return null;
  const text = statementReminderText(d.customer, all.data.statement, i18n, { storeName: d.storeName });
  return (
    <section aria-label={t('web.statement.reminder')}>
      <div className="chart-head">
        <h3>{t('web.statement.reminder')}</h3>
        <a className="btn btn-ghost btn-sm" href={waMeLink(d.customer.phone, text, i18n.currency.code)} target="_blank" rel="noreferrer" data-testid="statement-whatsapp">
          {t('web.statement.whatsapp')}
        </a>
      </div>
      <pre className="receipt po-text" data-testid="statement-reminder">
        {text}
      </pre>
    </section>
  );
}
