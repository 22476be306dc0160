import { useQuery } from '@tanstack/react-query';
import { billReportGroups, paymentMethodSchema, type BillReportGroup, type Translator } from '@bazaar/shared';
import { billsApi } from '../../api/bills.api';
import type { ListQuery } from '../../api/endpoints';
import { errorMessage } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { methodLabel } from './bill-labels';

function keyLabel(t: Translator, group: BillReportGroup, key: string | null): string {
  if (group === 'method') {
    const m = paymentMethodSchema.safeParse(key);
    return m.success ? methodLabel(t, m.data) : (key ?? '—');
  }
  if (group === 'cashier') return key ?? t.t('web.bills.noCashier');
  return t.t('web.bills.report.hourLabel', { hour: key ?? '' });
}

function Report({ group, query }: { group: BillReportGroup; query: ListQuery<'/reports/bills'> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const report = useQuery({ queryKey: ['bills', 'report', group, query], queryFn: () => billsApi.report(group, query) });
  return (
    <div className="card" data-testid={`bills-report-${group}`}>
      <h3>{t(`web.bills.report.${group}`)}</h3>
      {report.error && <p className="form-error">{errorMessage(report.error)}</p>}
      {report.data && report.data.items.length === 0 && <p className="muted">{t('web.bills.report.empty')}</p>}
      {report.data && report.data.items.length > 0 && (
        <table className="data-table">
          <tbody>
            {report.data.items.map((r) => (
              <tr key={r.key ?? ''}>
                <td>{keyLabel(i18n, group, r.key)}</td>
                <td className="align-right muted">{t('web.bills.report.count', { count: r.bills })}</td>
                <td className="align-right">{i18n.money(r.netMinor)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={2}>{t('web.bills.total')}</th>
              <th className="align-right">{i18n.money(report.data.totalMinor)}</th>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}

/** Sales from bills by payment method, cashier and hour, for the page's filters. */
export function BillReports({ query }: { query: ListQuery<'/reports/bills'> }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('web.bills.report.method')}>
      <p className="muted">{t('web.bills.report.note')}</p>
      <div className="bill-reports">
        {billReportGroups.map((g) => (
          <Report key={g} group={g} query={query} />
        ))}
      </div>
    </section>
  );
}
