import { shiftReportText, type ShiftReport } from '@bazaar/shared';
import type { BillSettingsView } from '../../core/bills/bills.api';
import { useI18n } from '../i18n/i18n-context';
import { dateTime } from '../ui/format';

/** A shift's figures in the reader's language, and the Z report as the printer prints it. */
export function ZReport({ report, settings, storeName }: { report: ShiftReport; settings: BillSettingsView | undefined; storeName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const m = (p: number) => <bdi>{i18n.money(p)}</bdi>;
  const text = shiftReportText(report, { width: 48, storeName, currencyLabel: settings?.currencyLabel ?? '', minorDigits: settings?.minorDigits, timeZone: settings?.timeZone ?? undefined });
  return (
    <div className="z-layout">
      <div className="card card-pad stack" data-testid="z-report">
        <h2>{t('shift.zTitle')}</h2>
        {report.closedAt && <p className="muted">{t('shift.closedAt', { when: dateTime(i18n, report.closedAt), name: report.closedBy ?? '' })}</p>}
        <dl className="report-grid">
          <dt>{t('shift.float')}</dt>
          <dd>{m(report.floatMinor)}</dd>
          <dt>{t('shift.sales', { count: report.saleBills })}</dt>
          <dd data-testid="z-sales">{m(report.salesMinor)}</dd>
          {report.byMethod.map((b) => (
            <div key={b.method} className="contents">
              <dt>{t('shift.byMethod', { method: t(`bills.method.${b.method}`) })}</dt>
              <dd>{m(b.amountMinor)}</dd>
            </div>
          ))}
          <dt>{t('shift.returns', { count: report.returnBills })}</dt>
          <dd data-testid="z-returns">{m(report.returnsMinor)}</dd>
          <dt>{t('shift.voids', { count: report.voids.count })}</dt>
          <dd>{m(report.voids.totalMinor)}</dd>
          <dt>{t('shift.discounts')}</dt>
          <dd>{m(report.discountsMinor)}</dd>
          <dt>{t('shift.expected')}</dt>
          <dd data-testid="z-expected">{m(report.cashExpectedMinor)}</dd>
          {report.countedMinor !== null && (
            <>
              <dt>{t('shift.countedTotal')}</dt>
              <dd data-testid="z-counted">{m(report.countedMinor)}</dd>
            </>
          )}
          {report.varianceMinor !== null && (
            <>
              <dt>{t('shift.variance')}</dt>
              <dd data-testid="z-variance" className={report.varianceMinor < 0 ? 'pay-short' : 'pay-change'}>
                <bdi>{i18n.money(report.varianceMinor)}</bdi>
              </dd>
            </>
          )}
        </dl>
      </div>
      <div className="receipt-paper paper-80 print-area" dir="ltr">
        <pre className="receipt-text">{text}</pre>
      </div>
    </div>
  );
}
